using NewsLeakExtractor.Ingestion.Store;
using Xunit.Abstractions;

namespace NewsLeakExtractor.Tests.Store;

/// <summary>The store contract on a SQLite file in a temporary folder, deleted afterwards.</summary>
public sealed class SqliteArticleStoreTests(ITestOutputHelper output) : ArticleStoreContractTests(output)
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "nle-store-" + Guid.NewGuid().ToString("N"));

    protected override string? SkipReason => null;

    protected override Task CreateDatabaseAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    protected override SqlArticleStore OpenStore(TimeProvider clock) =>
        SqliteArticleStore.FromOptions(new StorageOptions { DataDirectory = folder }, clock);
}
