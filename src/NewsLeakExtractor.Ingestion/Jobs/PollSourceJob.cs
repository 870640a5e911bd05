using System.ComponentModel;
using Hangfire;
using NewsLeakExtractor.Ingestion.Ingest;
using NewsLeakExtractor.Ingestion.Sources;

namespace NewsLeakExtractor.Ingestion.Jobs;

/// <summary>The recurring job of one source: poll it, then enqueue one <see cref="ProcessArticleJob"/> per URL to process.</summary>
public sealed class PollSourceJob
{
    private readonly PipelineRegistry _registry;
    private readonly SourcePoller _poller;
    private readonly IBackgroundJobClient _jobs;

    public PollSourceJob(PipelineRegistry registry, SourcePoller poller, IBackgroundJobClient jobs)
    {
        _registry = registry;
        _poller = poller;
        _jobs = jobs;
    }

    public static string RecurringJobId(string sourceId) => $"poll:{sourceId}";

    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Poll {0}")]
    public async Task RunAsync(string sourceId, CancellationToken cancellationToken)
    {
        var source = _registry.Find(sourceId)
            ?? throw new InvalidOperationException($"source '{sourceId}' is no longer configured in the pipelines folder");
        var result = await _poller.PollAsync(source, cancellationToken);
        foreach (var url in result.ToProcess)
        {
            _jobs.Enqueue<ProcessArticleJob>(job => job.RunAsync(url, sourceId, null, CancellationToken.None));
        }

        // A failed poll (an offline site, a feed that is not XML) is recorded on the source, where the API and the
        // dashboard show it, and the next scheduled poll tries again; it is not a job failure to retry or alarm on.
    }
}

