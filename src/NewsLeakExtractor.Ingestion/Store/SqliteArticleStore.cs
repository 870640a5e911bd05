using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsLeakExtractor.Ingestion.Store;

/// <summary>
/// The embedded store: one SQLite file in write-ahead-log mode, so readers never wait for the writer and several
/// processes can share the file. Writers take turns (BEGIN IMMEDIATE, with a busy timeout).
/// </summary>
public sealed class SqliteArticleStore : SqlArticleStore
{
    public const string DefaultFileName = "newsleaks.db";

    private readonly string connectionString;

    public SqliteArticleStore(string connectionString, TimeProvider? timeProvider = null)
        : base(SqliteDialect.Instance, timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            // SQLite enforces foreign keys (and so the event cascades) only when every connection asks for it.
            ForeignKeys = true,
            Pooling = true,
        };
        this.connectionString = builder.ToString();
        DatabasePath = builder.DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(DatabasePath));
        if (!string.IsNullOrEmpty(directory) && builder.Mode != SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>The store the options name: their connection string, else <c>DataDirectory/newsleaks.db</c>.</summary>
    public static SqliteArticleStore FromOptions(StorageOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(options.DataDirectory, DefaultFileName) }.ToString()
            : options.ConnectionString;
        return new SqliteArticleStore(connectionString, timeProvider);
    }

    public string DatabasePath { get; }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per connection: wait for another writer instead of failing at once; in WAL mode NORMAL synchronisation
            // cannot corrupt the file and only risks the last commits on a power cut, for far cheaper commits; reading
            // through a memory map lets the filter scans share the operating system's cache instead of copying pages.
            await using var settings = connection.Command("PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 268435456;");
            await settings.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // The journal mode is stored in the file, so setting it once when migrating holds for every later connection.
        await using var command = connection.Command("PRAGMA journal_mode = WAL;");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // BEGIN IMMEDIATE already holds SQLite's single write lock, which is all a migration needs.
    protected override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; let go of them so the file can be moved or deleted.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private sealed class SqliteDialect : SqlDialect
    {
        // Fixed width and UTC, so text order is time order and comparisons in SQL are plain string comparisons.
        private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

        public static SqliteDialect Instance { get; } = new();

        public override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT"; // AUTOINCREMENT: a merged-away id is never reused

        public override bool MultiRowInserts => false;

        public override string Contains(string text, string part) => $"instr({text}, {part}) > 0";

        public override string TimestampType => "TEXT";

        public override string NullsLast => ""; // SQLite sorts NULL lowest, so last when descending

        public override string BinaryCollation => ""; // SQLite compares text by code point unless told otherwise

        public override object ToDb(DateTimeOffset value) => TruncateToMicroseconds(value).ToString(TimestampFormat, CultureInfo.InvariantCulture);

        public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
            DateTimeOffset.ParseExact(reader.GetString(ordinal), TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override bool IsTransient(Exception exception) =>
            exception is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED past the busy timeout
    }
}
