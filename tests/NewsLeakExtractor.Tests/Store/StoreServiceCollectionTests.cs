using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Ingestion.Store;
using Xunit;

namespace NewsLeakExtractor.Tests.Store;

public sealed class StoreServiceCollectionTests
{
    [Fact]
    public void Postgres_without_a_connection_string_is_a_clear_error_at_registration()
    {
        var services = new ServiceCollection();
        var error = Assert.Throws<InvalidOperationException>(() => services.AddArticleStore(new StorageOptions { Provider = StorageProvider.Postgres }));
        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_with_a_connection_string_registers_the_postgres_store()
    {
        var services = new ServiceCollection().AddArticleStore(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=127.0.0.1;Database=nowhere" });
        using var provider = services.BuildServiceProvider();
        Assert.IsType<PostgresArticleStore>(provider.GetRequiredService<IArticleStore>());
    }

    [Fact]
    public async Task Sqlite_is_the_default_and_lives_in_the_data_directory()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nle-store-di-" + Guid.NewGuid().ToString("N"));
        try
        {
            var services = new ServiceCollection().AddArticleStore(new StorageOptions { DataDirectory = folder });
            await using (var provider = services.BuildServiceProvider())
            {
                var store = provider.GetRequiredService<IArticleStore>();
                Assert.Same(store, provider.GetRequiredService<IArticleStore>());
                await store.MigrateAsync(CancellationToken.None);
                Assert.True(await store.TryDiscoverAsync("https://example.test/di", null, CancellationToken.None));
            }

            Assert.True(File.Exists(Path.Combine(folder, SqliteArticleStore.DefaultFileName)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
