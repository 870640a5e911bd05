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

    // A failed poll is not retried: it is recorded on the source and the next scheduled poll tries again.
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

        if (result.Error is not null)
        {
            // Shown as a failed job in Hangfire's dashboard, with the reason; already recorded on the source.
            throw new SourcePollException(result.Error);
        }
    }
}

public sealed class SourcePollException(string message) : Exception(message);
