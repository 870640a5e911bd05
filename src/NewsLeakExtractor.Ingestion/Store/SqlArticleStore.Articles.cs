using System.Data.Common;
using System.Runtime.CompilerServices;

namespace NewsLeakExtractor.Ingestion.Store;

/// <summary>Articles: discovery, leases, extractions, failures and history.</summary>
public abstract partial class SqlArticleStore
{
    // The article a URL names: its own URL first, then an alias, then a canonical URL.
    private const string ResolveUrlSql = """
        SELECT id FROM (
            SELECT id, 0 AS priority FROM articles WHERE url = @url
            UNION ALL SELECT article_id, 1 FROM article_urls WHERE url = @url
            UNION ALL SELECT id, 2 FROM articles WHERE canonical_url = @url
        ) matches
        ORDER BY priority
        LIMIT 1
        """;

    private const string ArticleColumns = """
        a.id, a.url, a.canonical_url, a.source_id, a.status, a.failure_reason, a.failure_message, a.attempts,
        a.etag, a.last_modified, a.content_hash, a.article_json, a.text, a.extractor_version, a.model_version,
        (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS event_count,
        a.discovered_at, a.fetched_at, a.extracted_at, a.updated_at
        """;

    // A lease is free when nobody holds it or its holder ran out of time (a crashed or stopped worker).
    private const string LeaseIsFree = "(lease_until IS NULL OR lease_until <= @now)";

    public async Task<bool> TryDiscoverAsync(string url, string? sourceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return await InTransactionAsync(async (connection, transaction) =>
        {
            var now = Now();

            // One statement decides: the unique URL lets exactly one concurrent caller insert, and a URL already known
            // as another article's alias or canonical URL inserts nothing.
            var id = await ScalarAsync(connection, transaction, """
                INSERT INTO articles (url, source_id, status, attempts, discovered_at, updated_at)
                SELECT @url, @source, 'Discovered', 0, @now, @now
                WHERE NOT EXISTS (SELECT 1 FROM article_urls WHERE url = @url)
                  AND NOT EXISTS (SELECT 1 FROM articles WHERE canonical_url = @url)
                ON CONFLICT (url) DO NOTHING
                RETURNING id
                """, command => command.With("@url", url).With("@source", sourceId).WithTimestamp("@now", now, Dialect), cancellationToken);
            if (id is null)
            {
                return false;
            }

            await AddHistoryAsync(connection, transaction, id.Value, now, "discovered", sourceId is null ? null : $"in {sourceId}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <remarks>
    /// The article's status is deliberately no condition: a manual reprocess may re-run an extracted, failed or skipped
    /// article. Only a running lease stops a claim, which is what keeps two concurrent jobs from both running; a duplicate
    /// job that arrives after the first finished re-runs cheaply (the content hash makes it "unchanged").
    /// </remarks>
    public async Task<bool> TryClaimAsync(string url, string worker, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        return await InTransactionAsync(async (connection, transaction) =>
        {
            var now = Now();
            var id = await ResolveOrCreateAsync(connection, transaction, url, null, now, cancellationToken);
            var claimed = await ScalarAsync(connection, transaction, $"""
                UPDATE articles SET lease_owner = @worker, lease_until = @until, updated_at = @now
                WHERE id = @id AND {LeaseIsFree}
                RETURNING id
                """, command => command
                .With("@worker", worker)
                .WithTimestamp("@until", now + lease, Dialect)
                .WithTimestamp("@now", now, Dialect)
                .With("@id", id), cancellationToken);
            return claimed is not null;
        }, cancellationToken);
    }

    public async Task ReleaseAsync(string url, string worker, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var id = await ResolveAsync(connection, null, url, cancellationToken);
        if (id is null)
        {
            return;
        }

        // Only the holder can give a lease back; a late release from a worker whose lease expired changes nothing.
        await ExecuteAsync(connection, null, """
            UPDATE articles SET lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND lease_owner = @worker
            """, command => command.With("@id", id.Value).With("@worker", worker), cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListUnfinishedAsync(string? sourceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var sourceFilter = sourceId is null ? "" : "AND source_id = @source";
        await using var command = connection.Command($"""
            SELECT url FROM articles
            WHERE status = 'Discovered' AND {LeaseIsFree} {sourceFilter}
            ORDER BY discovered_at, id
            LIMIT @limit
            """)
            .WithTimestamp("@now", Now(), Dialect)
            .With("@source", sourceId)
            .With("@limit", Math.Max(0, limit));
        var urls = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            urls.Add(reader.GetString(0));
        }

        return urls;
    }

    public async Task<StoredArticle?> FindByUrlAsync(string url, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var id = await ResolveAsync(connection, null, url, cancellationToken);
        return id is null ? null : await ReadArticleAsync(connection, id.Value, cancellationToken);
    }

    public async Task<StoredArticle?> GetArticleAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await ReadArticleAsync(connection, id, cancellationToken);
    }

    public async Task<SaveResult> SaveExtractionAsync(ExtractionWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentException.ThrowIfNullOrWhiteSpace(write.Url);

        // Serialising and deriving the rows is the costly part; doing it before the transaction keeps the write short.
        var rows = EventRowSet.From(write);
        return await InTransactionAsync((connection, transaction) => SaveAsync(connection, transaction, write, rows, cancellationToken), cancellationToken);
    }

    private async Task<SaveResult> SaveAsync(DbConnection connection, DbTransaction transaction, ExtractionWrite write, EventRowSet rows, CancellationToken cancellationToken)
    {
        var now = Now();
        var canonical = MergeableCanonicalUrl(write.Article.CanonicalUrl);
        var urls = new[] { write.Url, write.Article.Url, canonical }
            .OfType<string>()
            .Where(url => url.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        // Every stored article any of these URLs names is this article. The oldest keeps its id; the others merge into it.
        var matches = await FindMatchesAsync(connection, transaction, urls, cancellationToken);
        var outcome = matches.Any(match => match.HasExtraction) ? SaveOutcome.Replaced : SaveOutcome.Inserted;
        long articleId;
        if (matches.Count == 0)
        {
            articleId = (await ScalarAsync(connection, transaction, """
                INSERT INTO articles (url, source_id, status, attempts, discovered_at, updated_at)
                VALUES (@url, @source, 'Discovered', 0, @now, @now)
                RETURNING id
                """, command => command.With("@url", write.Url).With("@source", write.SourceId).WithTimestamp("@now", now, Dialect), cancellationToken))!.Value;
        }
        else
        {
            articleId = matches[0].Id;
            foreach (var merged in matches.Skip(1))
            {
                await MergeAsync(connection, transaction, merged, articleId, now, cancellationToken);
            }
        }

        var articleUrl = matches.Count == 0 ? write.Url : matches[0].Url;
        foreach (var alias in new[] { write.Url, write.Article.Url }.Where(url => url.Length > 0 && url != articleUrl).Distinct(StringComparer.Ordinal))
        {
            await AddAliasAsync(connection, transaction, alias, articleId, cancellationToken);
        }

        await ExecuteAsync(connection, transaction, """
            UPDATE articles SET
                canonical_url = @canonical, source_id = COALESCE(source_id, @source), status = 'Extracted',
                failure_reason = NULL, failure_message = NULL, failed_at = NULL, attempts = 0,
                etag = @etag, last_modified = @lastModified, content_hash = @hash,
                title = @title, byline = @byline, site_name = @site, published_at = @published, language = @language,
                article_json = @json, text = @text, extractor_version = @extractor, model_version = @model, warning = @warning,
                lease_owner = NULL, lease_until = NULL, fetched_at = @now, extracted_at = @now, updated_at = @now
            WHERE id = @id
            """, command => command
            .With("@canonical", canonical)
            .With("@source", write.SourceId)
            .With("@etag", write.ETag)
            .With("@lastModified", write.LastModified)
            .With("@hash", write.ContentHash)
            .With("@title", write.Article.Title)
            .With("@byline", write.Article.Byline)
            .With("@site", write.Article.SiteName)
            .With("@published", write.Article.PublishedAt)
            .With("@language", write.Article.Language)
            .With("@json", SerializeArticle(write.Article))
            .With("@text", write.Article.Text)
            .With("@extractor", write.ExtractorVersion)
            .With("@model", write.ModelVersion)
            .With("@warning", write.Warning)
            .WithTimestamp("@now", now, Dialect)
            .With("@id", articleId), cancellationToken);

        await ReplaceEventsAsync(connection, transaction, articleId, rows, now, cancellationToken);

        var detail = $"{rows.EventIds.Count} event(s); extractor {write.ExtractorVersion}, model {write.ModelVersion}"
            + (write.Warning is null ? "" : $"; {write.Warning}")
            + (write.Worker is null ? "" : $"; by {write.Worker}");
        await AddHistoryAsync(connection, transaction, articleId, now, outcome == SaveOutcome.Inserted ? "extracted" : "re-extracted", detail, cancellationToken);
        return new SaveResult(articleId, outcome, rows.EventIds.Count);
    }

    /// <summary>
    /// The canonical URL, when it can identify one article. A canonical URL that is a site's front page is a
    /// misconfigured page (every article would claim it), so it is kept on no article and merges nothing.
    /// </summary>
    private static string? MergeableCanonicalUrl(string? canonicalUrl)
    {
        if (string.IsNullOrWhiteSpace(canonicalUrl))
        {
            return null;
        }

        return Uri.TryCreate(canonicalUrl, UriKind.Absolute, out var uri) && uri.AbsolutePath is "/" or "" && uri.Query.Length == 0
            ? null
            : canonicalUrl;
    }

    private sealed record ArticleMatch(long Id, string Url, bool HasExtraction);

    private async Task<List<ArticleMatch>> FindMatchesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("", transaction);
        var list = command.BindList("u", urls);
        command.CommandText = $"""
            SELECT id, url, extracted_at FROM articles
            WHERE url IN ({list}) OR canonical_url IN ({list})
               OR id IN (SELECT article_id FROM article_urls WHERE url IN ({list}))
            ORDER BY id
            """;
        var matches = new List<ArticleMatch>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            matches.Add(new ArticleMatch(reader.GetInt64(0), reader.GetString(1), !reader.IsDBNull(2)));
        }

        return matches;
    }

    /// <summary>Folds a second stored article into <paramref name="targetId"/>: its URLs become aliases, its history moves over.</summary>
    private async Task MergeAsync(DbConnection connection, DbTransaction transaction, ArticleMatch merged, long targetId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "UPDATE article_urls SET article_id = @target WHERE article_id = @merged",
            command => command.With("@target", targetId).With("@merged", merged.Id), cancellationToken);
        await ExecuteAsync(connection, transaction, "UPDATE article_history SET article_id = @target WHERE article_id = @merged",
            command => command.With("@target", targetId).With("@merged", merged.Id), cancellationToken);
        await ExecuteAsync(connection, transaction, """
            UPDATE articles SET source_id = COALESCE(source_id, (SELECT m.source_id FROM articles m WHERE m.id = @merged))
            WHERE id = @target
            """, command => command.With("@target", targetId).With("@merged", merged.Id), cancellationToken);

        // Its events go with it (cascade); the extraction being saved replaces the target's events anyway.
        await ExecuteAsync(connection, transaction, "DELETE FROM articles WHERE id = @merged", command => command.With("@merged", merged.Id), cancellationToken);
        await AddAliasAsync(connection, transaction, merged.Url, targetId, cancellationToken);
        await AddHistoryAsync(connection, transaction, targetId, now, "merged", $"{merged.Url} (article {merged.Id}) has the same canonical URL", cancellationToken);
    }

    private async Task AddAliasAsync(DbConnection connection, DbTransaction transaction, string url, long articleId, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, transaction, """
            INSERT INTO article_urls (url, article_id) VALUES (@url, @article)
            ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id
            """, command => command.With("@url", url).With("@article", articleId), cancellationToken);

    private async Task ReplaceEventsAsync(DbConnection connection, DbTransaction transaction, long articleId, EventRowSet rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Child rows go with their events (ON DELETE CASCADE).
        await ExecuteAsync(connection, transaction, "DELETE FROM events WHERE article_id = @article", command => command.With("@article", articleId), cancellationToken);
        if (rows.EventIds.Count == 0)
        {
            return;
        }

        await TakeOverEventIdsAsync(connection, transaction, articleId, rows.EventIds, now, cancellationToken);
        await connection.InsertRowsAsync(transaction, "events", EventRowSet.EventColumns, rows.EventsFor(articleId, Dialect.ToDb(now)), Dialect.MultiRowInserts, cancellationToken);
        await connection.InsertRowsAsync(transaction, "event_actors", EventRowSet.ActorColumns, rows.Actors, Dialect.MultiRowInserts, cancellationToken);
        await connection.InsertRowsAsync(transaction, "event_reporting_sources", EventRowSet.ReportingSourceColumns, rows.ReportingSources, Dialect.MultiRowInserts, cancellationToken);
        await connection.InsertRowsAsync(transaction, "event_classifications", EventRowSet.ClassificationColumns, rows.Classifications, Dialect.MultiRowInserts, cancellationToken);
    }

    /// <summary>An event id stored under another article moves to this one (see the class remarks).</summary>
    private async Task TakeOverEventIdsAsync(DbConnection connection, DbTransaction transaction, long articleId, IReadOnlyList<string> eventIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var chunk in eventIds.Chunk(500))
        {
            var losers = new List<(long ArticleId, string EventId)>();
            await using (var find = connection.Command("", transaction))
            {
                find.CommandText = $"SELECT article_id, event_id FROM events WHERE article_id <> @article AND event_id IN ({find.BindList("e", chunk)})";
                find.With("@article", articleId);
                await using var reader = await find.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    losers.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            foreach (var (loserId, eventId) in losers)
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM events WHERE event_id = @event", command => command.With("@event", eventId), cancellationToken);
                await AddHistoryAsync(connection, transaction, loserId, now, "event moved", $"event {eventId} now belongs to article {articleId}, extracted later with the same event", cancellationToken);
            }
        }
    }

    public async Task RecordUnchangedAsync(string url, string detail, CancellationToken cancellationToken)
    {
        await InTransactionAsync(async (connection, transaction) =>
        {
            var id = await ResolveAsync(connection, transaction, url, cancellationToken);
            if (id is null)
            {
                return 0;
            }

            var now = Now();

            // The job is over, so its lease ends; everything else (events included) stays as it was.
            // It was fetched now, so a listing that dates the article before now has nothing new to say about it.
            await ExecuteAsync(connection, transaction, "UPDATE articles SET lease_owner = NULL, lease_until = NULL, fetched_at = @now WHERE id = @id",
                command => command.With("@id", id.Value).WithTimestamp("@now", now, Dialect), cancellationToken);
            await AddHistoryAsync(connection, transaction, id.Value, now, "unchanged", detail, cancellationToken);
            return 1;
        }, cancellationToken);
    }

    public async Task RecordFailureAsync(string url, string? sourceId, ArticleStatus status, string reason, string message, bool final, CancellationToken cancellationToken)
    {
        if (status is ArticleStatus.Extracted)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A failure cannot leave an article Extracted; use SaveExtractionAsync.");
        }

        await InTransactionAsync(async (connection, transaction) =>
        {
            var now = Now();
            var id = await ResolveOrCreateAsync(connection, transaction, url, sourceId, now, cancellationToken);

            // A retry leaves the article waiting; an article with a stored extraction keeps it (and its status) whatever happens.
            var newStatus = final ? status : ArticleStatus.Discovered;
            var keptExtraction = await ScalarAsync(connection, transaction, """
                UPDATE articles SET
                    status = CASE WHEN extracted_at IS NULL THEN @status ELSE status END,
                    failure_reason = @reason, failure_message = @message, failed_at = @now, attempts = attempts + 1,
                    source_id = COALESCE(source_id, @source), lease_owner = NULL, lease_until = NULL, updated_at = @now
                WHERE id = @id
                RETURNING CASE WHEN extracted_at IS NULL THEN 0 ELSE 1 END
                """, command => command
                .With("@status", Status(newStatus))
                .With("@reason", reason)
                .With("@message", message)
                .WithTimestamp("@now", now, Dialect)
                .With("@source", sourceId)
                .With("@id", id), cancellationToken);

            var action = !final ? "retrying" : status == ArticleStatus.Skipped ? "skipped" : "failed";
            var detail = $"{reason}: {message}" + (keptExtraction is not 1 ? "" : " (the stored extraction is kept)");
            await AddHistoryAsync(connection, transaction, id, now, action, detail, cancellationToken);
            return 0;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleHistoryEntry>> GetHistoryAsync(long articleId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT at, action, detail FROM article_history WHERE article_id = @article ORDER BY at, id")
            .With("@article", articleId);
        var entries = new List<ArticleHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ArticleHistoryEntry(Dialect.ReadTimestamp(reader, 0), reader.GetString(1), reader.GetNullableString(2)));
        }

        return entries;
    }

    public async IAsyncEnumerable<StoredArticle> ListExtractedArticlesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {ArticleColumns} FROM articles a WHERE a.status = 'Extracted' ORDER BY a.id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadArticle(reader);
        }
    }

    private async Task<long?> ResolveAsync(DbConnection connection, DbTransaction? transaction, string url, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, transaction, ResolveUrlSql, command => command.With("@url", url), cancellationToken);

    /// <summary>The article a URL names, created (as submitted by hand) when no article does.</summary>
    private async Task<long> ResolveOrCreateAsync(DbConnection connection, DbTransaction transaction, string url, string? sourceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(connection, transaction, url, cancellationToken) is { } known)
        {
            return known;
        }

        var created = await ScalarAsync(connection, transaction, """
            INSERT INTO articles (url, source_id, status, attempts, discovered_at, updated_at)
            VALUES (@url, @source, 'Discovered', 0, @now, @now)
            ON CONFLICT (url) DO NOTHING
            RETURNING id
            """, command => command.With("@url", url).With("@source", sourceId).WithTimestamp("@now", now, Dialect), cancellationToken);
        if (created is { } id)
        {
            await AddHistoryAsync(connection, transaction, id, now, "submitted", null, cancellationToken);
            return id;
        }

        // Another process inserted it between the two statements; its row is committed and visible now.
        return await ResolveAsync(connection, transaction, url, cancellationToken)
            ?? throw new InvalidOperationException($"The article for {url} vanished while it was being claimed.");
    }

    private async Task<StoredArticle?> ReadArticleAsync(DbConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {ArticleColumns} FROM articles a WHERE a.id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadArticle(reader) : null;
    }

    private StoredArticle ReadArticle(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Url = reader.GetString(1),
        CanonicalUrl = reader.GetNullableString(2),
        SourceId = reader.GetNullableString(3),
        Status = ParseStatus(reader.GetString(4)),
        FailureReason = reader.GetNullableString(5),
        FailureMessage = reader.GetNullableString(6),
        Attempts = reader.GetCount(7),
        ETag = reader.GetNullableString(8),
        LastModified = reader.GetNullableString(9),
        ContentHash = reader.GetNullableString(10),
        Article = DeserializeArticle(reader.GetNullableString(11), reader.GetNullableString(12)),
        ExtractorVersion = reader.GetNullableString(13),
        ModelVersion = reader.GetNullableString(14),
        EventCount = reader.GetCount(15),
        DiscoveredAt = Dialect.ReadTimestamp(reader, 16),
        FetchedAt = ReadNullableTimestamp(reader, 17),
        ExtractedAt = ReadNullableTimestamp(reader, 18),
        UpdatedAt = Dialect.ReadTimestamp(reader, 19),
    };
}
