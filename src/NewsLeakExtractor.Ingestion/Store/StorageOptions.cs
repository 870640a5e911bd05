namespace NewsLeakExtractor.Ingestion.Store;

public enum StorageProvider
{
    /// <summary>Embedded: a SQLite file in <see cref="StorageOptions.DataDirectory"/> and Hangfire's in-memory queue.</summary>
    Sqlite,

    /// <summary>Scale-out: PostgreSQL for both, shared by several service processes.</summary>
    Postgres,
}

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed record StorageOptions
{
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>For SQLite, optional (defaults to <c>DataDirectory/newsleaks.db</c>); for PostgreSQL, required.</summary>
    public string? ConnectionString { get; init; }

    public string DataDirectory { get; init; } = "./data";
}
