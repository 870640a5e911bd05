namespace NewsLeakExtractor.Ingestion.Ingest;

/// <summary>The <c>Ingest</c> configuration section.</summary>
public sealed record IngestOptions
{
    /// <summary>How long a worker owns an article; a crashed worker's article is picked up again after it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether every enabled source is polled once when the service starts, rather than at its first scheduled time.</summary>
    public bool PollOnStart { get; init; } = true;

    /// <summary>Sitemap indexes are followed this many child sitemaps deep per poll.</summary>
    public int MaxChildSitemaps { get; init; } = 10;
}
