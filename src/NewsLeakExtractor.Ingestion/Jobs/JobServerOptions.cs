namespace NewsLeakExtractor.Ingestion.Jobs;

/// <summary>The <c>Jobs</c> configuration section: the Hangfire server of this process.</summary>
public sealed record JobServerOptions
{
    /// <summary>Jobs run at once in this process; fetching waits on the network, so more than the cores.</summary>
    public int WorkerCount { get; init; } = Math.Max(4, Environment.ProcessorCount * 4);

    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan SchedulePollingInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often an idle worker asks PostgreSQL for a job.</summary>
    public TimeSpan QueuePollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
