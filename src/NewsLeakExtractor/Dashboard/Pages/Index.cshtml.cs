using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsLeakExtractor.Cli.Api;
using NewsLeakExtractor.Extract;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Cli.Dashboard.Pages;

/// <summary>The events list: the API's filters (one parser for both), newest first, a page at a time.</summary>
public sealed class IndexModel(IArticleStore store, LeakLexicons lexicons) : PageModel
{
    public EventPage? Results { get; private set; }

    public EventQuery Query { get; private set; } = new();

    public string? Error { get; private set; }

    public IReadOnlyList<string> Classifications { get; } = lexicons.Classifications.Values.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

    public bool Filtered => Query is { Text: not null } or { Actor: not null } or { ReportingSource: not null } or { Classification: not null } or { From: not null } or { To: not null };

    public int PageCount => Results is null ? 0 : Math.Max(1, (int)Math.Ceiling(Results.Total / (double)Results.PageSize));

    public string Field(string name) => Request.Query[name].ToString();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ApiEndpoints.TryParseQuery(Request, out var query, out var error))
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Query = query;
        Results = await store.QueryEventsAsync(query, cancellationToken);
    }
}
