using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsLeakExtractor.Cli.Api;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Cli.Dashboard.Pages;

/// <summary>Events over time and the most frequent actors, over all time or the date range given.</summary>
public sealed class OverviewModel(IArticleStore store) : PageModel
{
    public const int Top = 10;

    public EventStatistics? Statistics { get; private set; }

    public Timeline Timeline { get; private set; } = Timeline.Build([], TimelineBucket.Day);

    public string? Error { get; private set; }

    public string Field(string name) => Request.Query[name].ToString();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The same date parsing as the events page, so a bar's link and the range here mean the same days.
        if (!ApiEndpoints.TryParseQuery(Request, out var query, out var error))
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Statistics = await store.GetStatisticsAsync(query.From, query.To, Top, cancellationToken);
        Timeline = Timeline.Build(Statistics.EventsPerDay, Timeline.ChooseBucket(Statistics.EventsPerDay, Request.Query["by"]));
    }
}
