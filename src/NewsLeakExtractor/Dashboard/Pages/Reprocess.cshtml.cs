using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsLeakExtractor.Ingestion.Ingest;

namespace NewsLeakExtractor.Cli.Dashboard.Pages;

/// <summary>Runs one URL through the whole chain now and shows what it produced, or why it failed.</summary>
public sealed class ReprocessModel(ManualReprocessor reprocessor) : PageModel
{
    [BindProperty(Name = "url", SupportsGet = true)]
    public string? ArticleUrl { get; set; }

    public ReprocessResult? Result { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        if (ManualReprocessor.ParseUrl(ArticleUrl, out var error) is not { } url)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Result = await reprocessor.ReprocessAsync(url, cancellationToken);
        if (!Result.Succeeded)
        {
            Error = $"{Result.Outcome.Reason}: {Result.Outcome.Message}";
        }
    }
}
