using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsLeakExtractor.Ingestion.Ingest;
using NewsLeakExtractor.Ingestion.Sources;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Ingestion.Jobs;

/// <summary>The folder of pipeline files, from <c>Pipelines:Path</c>.</summary>
public sealed record PipelinesOptions
{
    public string Path { get; init; } = "pipelines/";
}

/// <summary>
/// At start: migrates the store, loads the pipelines folder, and makes Hangfire's recurring jobs match it
/// (one per enabled source; jobs of removed or disabled sources are deleted).
/// </summary>
public sealed class RecurringPollRegistrar : IHostedService
{
    private readonly IArticleStore _store;
    private readonly PipelineRegistry _registry;
    private readonly PipelinesOptions _pipelines;
    private readonly IngestOptions _options;
    private readonly IRecurringJobManager _recurringJobs;
    private readonly IBackgroundJobClient _jobs;
    private readonly JobStorage _jobStorage;
    private readonly ILogger<RecurringPollRegistrar> _logger;

    public RecurringPollRegistrar(
        IArticleStore store,
        PipelineRegistry registry,
        PipelinesOptions pipelines,
        IngestOptions options,
        IRecurringJobManager recurringJobs,
        IBackgroundJobClient jobs,
        JobStorage jobStorage,
        ILogger<RecurringPollRegistrar> logger)
    {
        _store = store;
        _registry = registry;
        _pipelines = pipelines;
        _options = options;
        _recurringJobs = recurringJobs;
        _jobs = jobs;
        _jobStorage = jobStorage;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.MigrateAsync(cancellationToken);

        var catalog = await PipelineCatalog.LoadAsync(_pipelines.Path, cancellationToken);
        _registry.Replace(catalog);
        foreach (var error in catalog.Errors)
        {
            _logger.LogWarning("pipelines: {Error}", error);
        }

        var enabled = catalog.Sources.Where(source => source.Enabled).ToList();
        foreach (var source in enabled)
        {
            var sourceId = source.Id;
            _recurringJobs.AddOrUpdate<PollSourceJob>(
                PollSourceJob.RecurringJobId(sourceId),
                job => job.RunAsync(sourceId, CancellationToken.None),
                source.Schedule,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }

        RemoveStaleJobs(enabled.Select(source => PollSourceJob.RecurringJobId(source.Id)).ToHashSet());

        if (_options.PollOnStart)
        {
            foreach (var source in enabled)
            {
                _recurringJobs.Trigger(PollSourceJob.RecurringJobId(source.Id));

                // Articles a crashed or killed process was working on stay leased for one lease; a second poll just after
                // it picks them up now rather than at the source's next scheduled time (which may be hours away).
                var sourceId = source.Id;
                _jobs.Schedule<PollSourceJob>(job => job.RunAsync(sourceId, CancellationToken.None), _options.Lease + TimeSpan.FromSeconds(1));
            }
        }

        _logger.LogInformation("{Count} sources scheduled from {Path} ({Errors} errors)", enabled.Count, _pipelines.Path, catalog.Errors.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void RemoveStaleJobs(HashSet<string> wanted)
    {
        using var connection = _jobStorage.GetConnection();
        foreach (var job in connection.GetRecurringJobs())
        {
            if (job.Id.StartsWith("poll:", StringComparison.Ordinal) && !wanted.Contains(job.Id))
            {
                _recurringJobs.RemoveIfExists(job.Id);
            }
        }
    }
}
