using NewsLeakExtractor.Ingestion.Store;
using Xunit;

namespace NewsLeakExtractor.Tests.Store;

/// <summary>One test's database on one back end: created before the test, dropped after it.</summary>
public abstract class TestDatabase
{
    /// <summary>Why this back end cannot run here, or null when it can.</summary>
    public abstract string? SkipReason { get; }

    public abstract Task CreateAsync();

    public abstract Task DropAsync();

    /// <summary>A new store instance (a new "process") on this database.</summary>
    public abstract SqlArticleStore Open(TimeProvider clock);
}

/// <summary>Opens, migrates and disposes the store instances of one test on its own fresh database.</summary>
public abstract class StoreTestBase(TestDatabase database) : IAsyncLifetime
{
    private readonly List<SqlArticleStore> opened = [];
    private SqlArticleStore? store;

    private protected ManualClock Clock { get; } = new(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        if (database.SkipReason is null)
        {
            await database.CreateAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in opened)
        {
            await instance.DisposeAsync();
        }

        if (database.SkipReason is null)
        {
            await database.DropAsync();
        }
    }

    /// <summary>The test's main store, migrated.</summary>
    protected async Task<IArticleStore> StoreAsync() => store ??= await NewStoreAsync();

    /// <summary>Another store instance on the same database; skips the test when the back end is unavailable.</summary>
    protected async Task<SqlArticleStore> NewStoreAsync(bool migrate = true)
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var instance = database.Open(Clock);
        opened.Add(instance);
        if (migrate)
        {
            await instance.MigrateAsync(CancellationToken.None);
        }

        return instance;
    }
}
