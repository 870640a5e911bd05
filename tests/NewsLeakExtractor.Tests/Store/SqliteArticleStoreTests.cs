using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Tests.Store;

/// <summary>A SQLite file in a temporary folder, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "nle-store-" + Guid.NewGuid().ToString("N"));

    public override string? SkipReason => null;

    public override Task CreateAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    public override Task DropAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    public override SqlArticleStore Open(TimeProvider clock) => SqliteArticleStore.FromOptions(new StorageOptions { DataDirectory = folder }, clock);
}

public sealed class SqliteArticleStoreTests() : ArticleStoreContractTests(new SqliteTestDatabase());
