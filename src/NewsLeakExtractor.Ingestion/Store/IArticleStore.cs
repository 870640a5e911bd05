namespace NewsLeakExtractor.Ingestion.Store;

/// <summary>
/// The store stage: articles, their fetch history and their leak events. One implementation per back end
/// (SQLite file, PostgreSQL); both must behave identically, so the same tests run against each.
/// Every method is safe to call from several processes sharing one database.
/// </summary>
public interface IArticleStore
{
    /// <summary>Creates or migrates the schema; idempotent, safe when several processes start at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records a URL seen in a source. True only for the one caller that inserted it (atomic across processes),
    /// which then enqueues its processing. A URL known as an alias or canonical URL of a stored article is not new.
    /// </summary>
    Task<bool> TryDiscoverAsync(string url, string? sourceId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lease on an article for processing: true for exactly one caller while the lease runs, so a job
    /// enqueued twice (a retry, a second process, a re-poll after a restart) is processed once.
    /// Creates the article row when the URL is unknown (a manual reprocess).
    /// </summary>
    Task<bool> TryClaimAsync(string url, string worker, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Gives the lease back without a result (cancellation); the article stays as it was.</summary>
    Task ReleaseAsync(string url, string worker, CancellationToken cancellationToken);

    /// <summary>Articles of a source still <see cref="ArticleStatus.Discovered"/> whose lease has expired: work a restart lost.</summary>
    Task<IReadOnlyList<string>> ListUnfinishedAsync(string? sourceId, int limit, CancellationToken cancellationToken);

    /// <summary>Finds an article by its URL, an alias URL or its canonical URL.</summary>
    Task<StoredArticle?> FindByUrlAsync(string url, CancellationToken cancellationToken);

    Task<StoredArticle?> GetArticleAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an extraction and ends the lease. The article is matched by URL, alias or canonical URL (a second URL
    /// with the same canonical URL becomes an alias); its previous events are replaced in one transaction.
    /// </summary>
    Task<SaveResult> SaveExtractionAsync(ExtractionWrite write, CancellationToken cancellationToken);

    /// <summary>The page is unchanged (HTTP 304, or the same content hash and extractor): history only, events untouched.</summary>
    Task RecordUnchangedAsync(string url, string detail, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failure or a skip with its reason and ends the lease. <paramref name="final"/> false means the job will
    /// retry (the article stays <see cref="ArticleStatus.Discovered"/>, attempts counted); a stored extraction is never lost.
    /// </summary>
    Task RecordFailureAsync(string url, string? sourceId, ArticleStatus status, string reason, string message, bool final, CancellationToken cancellationToken);

    Task<IReadOnlyList<ArticleHistoryEntry>> GetHistoryAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>Stored articles with their text, for re-extraction after a model change (no fetching).</summary>
    IAsyncEnumerable<StoredArticle> ListExtractedArticlesAsync(CancellationToken cancellationToken);

    Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken);

    Task<StoredEvent?> GetEventAsync(string eventId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredEvent>> GetArticleEventsAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>Per-day counts over [from, to] (all time when null) and the top <paramref name="top"/> actors per role.</summary>
    Task<EventStatistics> GetStatisticsAsync(DateTimeOffset? from, DateTimeOffset? to, int top, CancellationToken cancellationToken);

    Task RecordPollAsync(SourcePoll poll, CancellationToken cancellationToken);

    /// <summary>The status of every source that has been polled or has articles.</summary>
    Task<IReadOnlyList<SourceStatus>> GetSourceStatusesAsync(CancellationToken cancellationToken);
}
