using System.ComponentModel;
using Hangfire;
using Hangfire.Server;
using NewsLeakExtractor.Ingestion.Ingest;
using NewsLeakExtractor.Ingestion.Sources;

namespace NewsLeakExtractor.Ingestion.Jobs;

/// <summary>Fetch, clean, extract and store one article URL discovered in a source.</summary>
public sealed class ProcessArticleJob
{
    /// <summary>Retries of a transient failure (timeout, network, 5xx) after the fetcher's own quick retries gave up.</summary>
    public const int Retries = 3;

    private readonly ArticleIngestor _ingestor;
    private readonly PipelineRegistry _registry;

    public ProcessArticleJob(ArticleIngestor ingestor, PipelineRegistry registry)
    {
        _ingestor = ingestor;
        _registry = registry;
    }

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [60, 300, 1800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("Process {0}")]
    public async Task RunAsync(string url, string? sourceId, PerformContext? context, CancellationToken cancellationToken)
    {
        var source = sourceId is null ? null : _registry.Find(sourceId);
        var retryCount = context?.GetJobParameter<int>("RetryCount") ?? Retries;
        var outcome = await _ingestor.IngestAsync(
            new IngestRequest(new Uri(url), sourceId)
            {
                AllowPrivateNetworks = source?.AllowPrivateNetworks ?? false,
                Headers = source?.Headers ?? new Dictionary<string, string>(),
                Languages = source?.Languages ?? [],
                WillRetry = retryCount < Retries,
            },
            cancellationToken);

        if (outcome is { Status: IngestStatus.Failed, IsTransientFailure: true } && retryCount < Retries)
        {
            // Hangfire schedules the retry; the failure is already recorded on the article.
            throw new TransientFetchFailureException($"{outcome.Reason}: {outcome.Message}");
        }
    }
}

public sealed class TransientFetchFailureException(string message) : Exception(message);
