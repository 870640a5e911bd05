using System.Data.Common;

namespace NewsLeakExtractor.Ingestion.Store;

/// <summary>Sources: their polls and what the store knows about each.</summary>
public abstract partial class SqlArticleStore
{
    private const int RecentFailuresPerSource = 5;

    public async Task RecordPollAsync(SourcePoll poll, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poll);
        await InTransactionAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO source_polls (source_id, started_at, finished_at, items_seen, new_articles, error)
                VALUES (@source, @started, @finished, @items, @new, @error)
                """, command => BindPoll(command, poll), cancellationToken);

            // The running totals are kept on the source so its status is one row, however many polls it has had.
            await ExecuteAsync(connection, transaction, """
                INSERT INTO sources (source_id, last_poll_at, next_poll_at, last_error, polls, failed_polls, items_seen, new_articles)
                VALUES (@source, @finished, @next, @error, 1, @failed, @items, @new)
                ON CONFLICT (source_id) DO UPDATE SET
                    last_poll_at = excluded.last_poll_at,
                    next_poll_at = excluded.next_poll_at,
                    last_error = excluded.last_error,
                    polls = sources.polls + 1,
                    failed_polls = sources.failed_polls + excluded.failed_polls,
                    items_seen = sources.items_seen + excluded.items_seen,
                    new_articles = sources.new_articles + excluded.new_articles
                """, command => BindPoll(command, poll)
                .WithTimestamp("@next", poll.NextPollAt, Dialect)
                .With("@failed", poll.Error is null ? 0 : 1), cancellationToken);
            return 0;
        }, cancellationToken);
    }

    private DbCommand BindPoll(DbCommand command, SourcePoll poll) => command
        .With("@source", poll.SourceId)
        .WithTimestamp("@started", poll.StartedAt, Dialect)
        .WithTimestamp("@finished", poll.FinishedAt, Dialect)
        .With("@items", poll.ItemsSeen)
        .With("@new", poll.NewArticles)
        .With("@error", poll.Error);

    /// <remarks>
    /// <see cref="SourceStatus.ArticlesDiscovered"/> counts every article the source brought, whatever became of it; the
    /// other article counts are by status. Recent failures are the latest failed articles (each with its last failure),
    /// skips excluded: a skip is a decision, not a failure.
    /// </remarks>
    public async Task<IReadOnlyList<SourceStatus>> GetSourceStatusesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var statuses = new Dictionary<string, SourceStatus>(StringComparer.Ordinal);
        SourceStatus StatusOf(string id) => statuses.TryGetValue(id, out var status) ? status : statuses[id] = new SourceStatus { SourceId = id };

        await using (var command = connection.Command("SELECT source_id, last_poll_at, next_poll_at, last_error, polls, failed_polls FROM sources"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                statuses[id] = new SourceStatus
                {
                    SourceId = id,
                    LastPollAt = ReadNullableTimestamp(reader, 1),
                    NextPollAt = ReadNullableTimestamp(reader, 2),
                    LastError = reader.GetNullableString(3),
                    Polls = reader.GetCount(4),
                    FailedPolls = reader.GetCount(5),
                };
            }
        }

        await using (var command = connection.Command("SELECT source_id, status, COUNT(*) FROM articles WHERE source_id IS NOT NULL GROUP BY source_id, status"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var status = StatusOf(reader.GetString(0));
                var count = reader.GetCount(2);
                status = status with { ArticlesDiscovered = status.ArticlesDiscovered + count };
                statuses[status.SourceId] = ParseStatus(reader.GetString(1)) switch
                {
                    ArticleStatus.Extracted => status with { ArticlesExtracted = count },
                    ArticleStatus.Failed => status with { ArticlesFailed = count },
                    ArticleStatus.Skipped => status with { ArticlesSkipped = count },
                    _ => status,
                };
            }
        }

        await using (var command = connection.Command("""
            SELECT a.source_id, COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id
            WHERE a.source_id IS NOT NULL GROUP BY a.source_id
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var status = StatusOf(reader.GetString(0));
                statuses[status.SourceId] = status with { Events = reader.GetCount(1) };
            }
        }

        var failures = new Dictionary<string, List<ArticleFailure>>(StringComparer.Ordinal);
        await using (var command = connection.Command("""
            SELECT source_id, id, url, failure_reason, failure_message, failed_at FROM (
                SELECT source_id, id, url, failure_reason, failure_message, failed_at,
                       ROW_NUMBER() OVER (PARTITION BY source_id ORDER BY failed_at DESC, id DESC) AS recency
                FROM articles
                WHERE source_id IS NOT NULL AND failure_reason IS NOT NULL AND failed_at IS NOT NULL AND status <> 'Skipped'
            ) ranked
            WHERE recency <= @limit
            ORDER BY source_id, recency
            """).With("@limit", RecentFailuresPerSource))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var sourceId = reader.GetString(0);
                StatusOf(sourceId);
                if (!failures.TryGetValue(sourceId, out var list))
                {
                    failures[sourceId] = list = [];
                }

                list.Add(new ArticleFailure(reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetNullableString(4) ?? "", Dialect.ReadTimestamp(reader, 5)));
            }
        }

        return statuses.Values
            .Select(status => failures.TryGetValue(status.SourceId, out var recent) ? status with { RecentFailures = recent } : status)
            .OrderBy(status => status.SourceId, StringComparer.Ordinal)
            .ToList();
    }
}
