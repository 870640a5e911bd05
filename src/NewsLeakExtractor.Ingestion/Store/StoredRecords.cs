using NewsLeakExtractor.Contract;

namespace NewsLeakExtractor.Ingestion.Store;

public enum ArticleStatus
{
    /// <summary>Seen in a source, waiting to be fetched.</summary>
    Discovered,

    /// <summary>Fetched, cleaned and run through the extractors (possibly with no events).</summary>
    Extracted,

    /// <summary>Fetching or extracting failed; <see cref="StoredArticle.FailureReason"/> says why.</summary>
    Failed,

    /// <summary>Deliberately not extracted (another language, robots.txt, a source filter); the reason is kept.</summary>
    Skipped,
}

/// <summary>An article as the store keeps it: fetch state, validators, the cleaned article and where its records came from.</summary>
public sealed record StoredArticle
{
    public required long Id { get; init; }

    /// <summary>The URL it was first discovered or submitted under.</summary>
    public required string Url { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? SourceId { get; init; }

    public required ArticleStatus Status { get; init; }

    /// <summary>A <see cref="NewsLeakExtractor.Fetch.FailureReason"/> name, or a skip reason.</summary>
    public string? FailureReason { get; init; }

    public string? FailureMessage { get; init; }

    public int Attempts { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>SHA-256 of the cleaned title and text: an unchanged article is not extracted again.</summary>
    public string? ContentHash { get; init; }

    /// <summary>The cleaned article (FORMAT.md's <c>article</c>); null until it has been fetched.</summary>
    public ArticleRecord? Article { get; init; }

    public string? ExtractorVersion { get; init; }

    public string? ModelVersion { get; init; }

    public int EventCount { get; init; }

    public required DateTimeOffset DiscoveredAt { get; init; }

    public DateTimeOffset? FetchedAt { get; init; }

    public DateTimeOffset? ExtractedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A stored leak event: the FORMAT.md record plus the article and versions behind it.</summary>
public sealed record StoredEvent(
    LeakEvent Event,
    long ArticleId,
    string ArticleUrl,
    string? ArticleTitle,
    string? ArticlePublishedAt,
    string? SiteName,
    string ExtractorVersion,
    string ModelVersion,
    DateTimeOffset ExtractedAt);

/// <summary>One line of an article's history: discovered, fetched, not modified, unchanged, extracted, failed, retried.</summary>
public sealed record ArticleHistoryEntry(DateTimeOffset At, string Action, string? Detail);

/// <summary>A successful extraction to store; its events replace the article's previous ones.</summary>
public sealed record ExtractionWrite(
    string Url,
    string? SourceId,
    ArticleRecord Article,
    IReadOnlyList<LeakEvent> Events,
    string ContentHash,
    string? ETag,
    string? LastModified,
    string ExtractorVersion,
    string ModelVersion)
{
    /// <summary>A non-fatal note from cleaning or extraction (e.g. another language), kept on the article.</summary>
    public string? Warning { get; init; }

    /// <summary>The worker (host:process:instance) that produced it, kept in the history to show who processed what.</summary>
    public string? Worker { get; init; }
}

public enum SaveOutcome
{
    /// <summary>A new article.</summary>
    Inserted,

    /// <summary>A known article whose content or extractor changed; its events were replaced.</summary>
    Replaced,
}

public sealed record SaveResult(long ArticleId, SaveOutcome Outcome, int EventCount);

/// <summary>Which role an actor plays in an event, for the actor filter.</summary>
public enum ActorRole
{
    Any,
    Leaker,
    Recipient,
    Owner,
    Reactor,
}

/// <summary>A filter over stored events; text filters are case-insensitive substring matches.</summary>
public sealed record EventQuery
{
    /// <summary>Free text over the summary, the disclosed information, actor names and the article title.</summary>
    public string? Text { get; init; }

    public string? Actor { get; init; }

    public ActorRole ActorRole { get; init; } = ActorRole.Any;

    /// <summary>A reporting source the article cites ("the New York Times").</summary>
    public string? ReportingSource { get; init; }

    /// <summary>A classification of the disclosed information ("classified", "secret", ...).</summary>
    public string? Classification { get; init; }

    public long? ArticleId { get; init; }

    /// <summary>Inclusive bounds on the event's date (its occurrence, else the article's publication date).</summary>
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}

/// <summary>One page of events, newest first, with the total that matched.</summary>
public sealed record EventPage(IReadOnlyList<StoredEvent> Events, int Total, int Page, int PageSize);

/// <summary>Counts for the overview: events per day, and the most frequent actors per role.</summary>
public sealed record EventStatistics(
    int TotalEvents,
    int TotalArticles,
    IReadOnlyList<DayCount> EventsPerDay,
    IReadOnlyList<ActorCount> TopLeakers,
    IReadOnlyList<ActorCount> TopRecipients,
    IReadOnlyList<ActorCount> TopReactors);

public sealed record DayCount(DateOnly Day, int Count);

public sealed record ActorCount(string Name, int Count);

/// <summary>One poll of a source, as recorded after it ran.</summary>
public sealed record SourcePoll(
    string SourceId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int ItemsSeen,
    int NewArticles,
    string? Error)
{
    public DateTimeOffset? NextPollAt { get; init; }
}

/// <summary>A source with what the service knows about it (for <c>GET /api/sources</c> and the dashboard).</summary>
public sealed record SourceStatus
{
    public required string SourceId { get; init; }

    public DateTimeOffset? LastPollAt { get; init; }

    public DateTimeOffset? NextPollAt { get; init; }

    public string? LastError { get; init; }

    public int Polls { get; init; }

    public int FailedPolls { get; init; }

    public int ArticlesDiscovered { get; init; }

    public int ArticlesExtracted { get; init; }

    public int ArticlesFailed { get; init; }

    public int ArticlesSkipped { get; init; }

    public int Events { get; init; }

    /// <summary>The last few article failures from this source (URL, reason, message), newest first.</summary>
    public IReadOnlyList<ArticleFailure> RecentFailures { get; init; } = [];
}

public sealed record ArticleFailure(long ArticleId, string Url, string Reason, string Message, DateTimeOffset At);
