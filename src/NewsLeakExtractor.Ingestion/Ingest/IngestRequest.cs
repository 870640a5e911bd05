namespace NewsLeakExtractor.Ingestion.Ingest;

/// <summary>One URL to run through the whole chain.</summary>
/// <param name="Url">The article's URL as discovered or submitted.</param>
/// <param name="SourceId">The pipeline source it came from; null for a manual reprocess.</param>
public sealed record IngestRequest(Uri Url, string? SourceId)
{
    /// <summary>A manual reprocess: fetch without validators and extract even when the content is unchanged.</summary>
    public bool Force { get; init; }

    /// <summary>Set by trusted sources (a local demo feed); user-submitted URLs never set it.</summary>
    public bool AllowPrivateNetworks { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>ISO 639-1 codes the source keeps; empty keeps every language.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Whether a transient failure will be retried by the caller (the job), so it is not yet final.</summary>
    public bool WillRetry { get; init; }
}

public enum IngestStatus
{
    /// <summary>Extracted and stored (new or replaced).</summary>
    Extracted,

    /// <summary>HTTP 304, or the same content and extractor as stored: nothing extracted again.</summary>
    Unchanged,

    /// <summary>Deliberately not extracted (a language filter); the reason is stored.</summary>
    Skipped,

    /// <summary>Another worker holds this article's lease.</summary>
    InProgress,

    Failed,
}

/// <summary>What happened to one URL; <see cref="ArticleId"/> points at the stored article when there is one.</summary>
public sealed record IngestOutcome(IngestStatus Status, Uri Url, long? ArticleId, int EventCount, string? Reason, string? Message)
{
    public bool IsTransientFailure { get; init; }
}
