using System.Data.Common;
using System.Text.Json;
using NewsLeakExtractor.Contract;

namespace NewsLeakExtractor.Ingestion.Store;

/// <summary>
/// The store in plain ADO.NET, written once for both back ends: the subclasses only open connections, lock the schema
/// for migrations and name their <see cref="SqlDialect"/>. A connection per operation (both back ends pool them), and
/// every multi-statement change in one transaction.
/// </summary>
/// <remarks>
/// Event ids are unique across the store (<c>events.event_id</c> is the primary key). An id is derived from the article's
/// content, so the same id under another article means the same text stored under two URLs that do not share a
/// canonical URL (a syndicated copy). The article saved last wins: the event moves to it, the article it left gets a
/// history line, and the events list never shows the event twice.
/// </remarks>
public abstract partial class SqlArticleStore : IArticleStore, IAsyncDisposable, IDisposable
{
    private const int MaxAttempts = 5;

    private protected SqlArticleStore(SqlDialect dialect, TimeProvider? timeProvider)
    {
        Dialect = dialect;
        Clock = timeProvider ?? TimeProvider.System;
    }

    private protected SqlDialect Dialect { get; }

    protected TimeProvider Clock { get; }

    /// <summary>An open connection, configured for this back end.</summary>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that may write. SQLite must take its write lock at the start (BEGIN IMMEDIATE): a read
    /// transaction that later tries to write fails at once instead of waiting for the other writer.</summary>
    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Makes concurrent migrations from several processes take turns; called first inside the migration transaction.</summary>
    protected abstract Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Database-wide settings that cannot change inside a transaction (SQLite's journal mode).</summary>
    protected virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await PrepareDatabaseAsync(connection, cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await LockSchemaAsync(connection, transaction, cancellationToken);

        await using (var create = connection.Command(Dialect.Render(StoreSchema.VersionTable), transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        long current;
        await using (var read = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction))
        {
            current = await read.ScalarInt64Async(cancellationToken) ?? 0;
        }

        foreach (var migration in StoreSchema.Migrations.Where(migration => migration.Version > current).OrderBy(migration => migration.Version))
        {
            await using (var apply = connection.Command(Dialect.Render(migration.Sql), transaction))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = connection.Command("INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)", transaction)
                .With("@version", migration.Version)
                .WithTimestamp("@at", Now(), Dialect);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public abstract ValueTask DisposeAsync();

    public void Dispose()
    {
        DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    /// <summary>The current time as the store keeps it: UTC, to the microsecond.</summary>
    protected DateTimeOffset Now()
    {
        var now = Clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, again from the start when it lost a race another process won
    /// (a unique key taken meanwhile, a deadlock): the retry then sees the winner's rows and acts on them.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            try
            {
                var result = await work(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception exception) when (attempt < MaxAttempts && Dialect.IsTransient(exception))
            {
                await transaction.RollbackAsync(cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt * Random.Shared.Next(1, 4)), cancellationToken);
            }
        }
    }

    private async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, transaction);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, transaction);
        bind(command);
        return await command.ScalarInt64Async(cancellationToken);
    }

    private async Task AddHistoryAsync(DbConnection connection, DbTransaction transaction, long articleId, DateTimeOffset at, string action, string? detail, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, transaction, "INSERT INTO article_history (article_id, at, action, detail) VALUES (@article, @at, @action, @detail)", command => command
            .With("@article", articleId)
            .WithTimestamp("@at", at, Dialect)
            .With("@action", action)
            .With("@detail", detail), cancellationToken);

    private static string Status(ArticleStatus status) => status.ToString();

    private static ArticleStatus ParseStatus(string value) => Enum.Parse<ArticleStatus>(value);

    private static string SerializeArticle(ArticleRecord article) =>
        // The text has a column of its own (it is the large part, and re-extraction reads it without the JSON).
        JsonSerializer.Serialize(article with { Text = "" }, EventRows.StoredJson);

    private static ArticleRecord? DeserializeArticle(string? json, string? text) =>
        json is null ? null : JsonSerializer.Deserialize<ArticleRecord>(json, EventRows.StoredJson)! with { Text = text ?? "" };

    private DateTimeOffset? ReadNullableTimestamp(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Dialect.ReadTimestamp(reader, ordinal);
}
