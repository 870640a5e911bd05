using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsLeakExtractor.Ingestion.Ingest;
using NewsLeakExtractor.Ingestion.Sources;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Cli.Dashboard.Pages;

/// <summary>A configured source with what the store knows of it; <see cref="Source"/> is null for one no longer configured.</summary>
public sealed record SourceRow(string Id, PipelineSource? Source, SourceStatus? Status, DateTimeOffset? NextPoll);

/// <summary>Every pipeline source with its polls, counts and recent failures, and the pipeline files' errors.</summary>
public sealed class SourcesModel(IArticleStore store, PipelineRegistry registry, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SourceRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> CatalogErrors => registry.Errors;

    public bool AnyConfigured => registry.Sources.Count > 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var statuses = (await store.GetSourceStatusesAsync(cancellationToken)).ToDictionary(s => s.SourceId, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var rows = registry.Sources
            .Select(source => new SourceRow(source.Id, source, statuses.GetValueOrDefault(source.Id), NextPollOf(source, now)))
            .ToList();
        var configured = registry.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        rows.AddRange(statuses.Values.Where(s => !configured.Contains(s.SourceId)).OrderBy(s => s.SourceId, StringComparer.Ordinal).Select(s => new SourceRow(s.SourceId, null, s, null)));
        Rows = rows;
    }

    private static DateTimeOffset? NextPollOf(PipelineSource source, DateTimeOffset now)
    {
        try
        {
            return SourcePoller.NextPoll(source, now);
        }
        catch (Cronos.CronFormatException)
        {
            // The catalog reports a bad schedule among its errors; the row just has no next poll.
            return null;
        }
    }
}
