using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Ingestion.Store;
using NewsLeakExtractor.Tests.Support;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace NewsLeakExtractor.Tests.Service;

/// <summary>
/// Scale-out: two service processes share one PostgreSQL (Hangfire's queue and the store) and process a batch of
/// articles exactly once. Needs NLE_TEST_POSTGRES (the test command starts a throwaway cluster and sets it).
/// Also the ingestion throughput measurement (opt-in with NLE_INGEST_BENCH=N), embedded and on PostgreSQL.
/// </summary>
[Collection(ServiceTestsCollection.Name)]
public sealed class ScaleOutTests
{
    private static readonly string? Postgres = Environment.GetEnvironmentVariable("NLE_TEST_POSTGRES");
    private readonly ITestOutputHelper _output;

    public ScaleOutTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public async Task Two_service_processes_on_one_PostgreSQL_process_500_articles_exactly_once()
    {
        Skip.If(string.IsNullOrEmpty(Postgres), "NLE_TEST_POSTGRES is not set: no PostgreSQL to scale out on (tests/run-all.sh starts one)");
        await using var database = await ScratchDatabase.CreateAsync(Postgres!);
        await using var site = await NewsSite.StartAsync(articleCount: 500);
        using var temp = new TempDirectory();
        var pipelines = temp.File("pipelines");
        ServiceUnderTest.WritePipeline(pipelines, "scale", ("gazette", site.FeedUrl, 1000, ["en"]));

        var run = await RunAsync(site, pipelines, temp, processes: 2, StorageProvider.Postgres, database.ConnectionString, TimeSpan.FromMinutes(4));

        await using var provider = StoreProvider(StorageProvider.Postgres, database.ConnectionString, temp);
        var store = provider.GetRequiredService<IArticleStore>();
        await ExactlyOnce.AssertAsync(store, site);
        for (var n = 1; n <= site.ArticleCount; n++)
        {
            Assert.Equal(1, site.RequestsFor(NewsSite.ArticlePath(n)));
        }

        Assert.All(run.ArticlesPerProcess, count => Assert.True(count > 0, "both processes should have taken part"));
    }

    [Fact]
    public async Task A_killed_service_restarted_on_the_same_data_loses_no_article_and_duplicates_none()
    {
        await using var site = await NewsSite.StartAsync(articleCount: 150);
        using var temp = new TempDirectory();
        var pipelines = temp.File("pipelines");
        ServiceUnderTest.WritePipeline(pipelines, "crash", ("gazette", site.FeedUrl, 500, ["en"]));
        var environment = new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = temp.File("data"),
            ["Pipelines__Path"] = pipelines,
            ["Fetch__PerHostDelay"] = "00:00:00",
            ["Jobs__WorkerCount"] = "2",
            ["Ingest__Lease"] = "00:00:02",
        };
        await using var provider = StoreProvider(StorageProvider.Sqlite, null, temp);
        var store = provider.GetRequiredService<IArticleStore>();
        await store.MigrateAsync(default);

        async Task<int> ExtractedAsync() => (await store.GetSourceStatusesAsync(default)).SingleOrDefault()?.ArticlesExtracted ?? 0;

        // Killed (SIGKILL, no shutdown) while articles are being processed: its in-memory queue and leases die with it.
        await using (var first = ServiceProcess.Start(environment))
        {
            await ServiceUnderTest.WaitUntilAsync(async () => first.HasExited || await ExtractedAsync() >= 10, TimeSpan.FromSeconds(180), "a first process at work");
            Assert.False(first.HasExited, first.Output);
            await first.KillAsync();
        }

        var atKill = await ExtractedAsync();
        Assert.True(atKill < site.ArticleCount, "the first process should have been killed mid-run");

        // The restarted process polls at start; articles nobody holds a live lease on are processed again.
        await using var second = ServiceProcess.Start(environment);
        await ServiceUnderTest.WaitUntilAsync(async () => second.HasExited || await ExtractedAsync() == site.ArticleCount, TimeSpan.FromSeconds(300), "every article after the restart");
        Assert.False(second.HasExited, second.Output);

        await ExactlyOnce.AssertAsync(store, site);
        _output.WriteLine($"killed after {atKill} of {site.ArticleCount} articles; all {site.ArticleCount} extracted once after the restart");
    }

    [SkippableTheory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Ingestion_throughput(StorageProvider provider)
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("NLE_INGEST_BENCH"), out var n) ? n : 0;
        Skip.If(count <= 0, "a measurement, not a check: set NLE_INGEST_BENCH=5000 to run it (tests/bench-ingest.sh)");
        Skip.If(provider == StorageProvider.Postgres && string.IsNullOrEmpty(Postgres), "NLE_TEST_POSTGRES is not set");
        await using var database = provider == StorageProvider.Postgres ? await ScratchDatabase.CreateAsync(Postgres!) : null;
        await using var site = await NewsSite.StartAsync(articleCount: count);
        using var temp = new TempDirectory();
        var pipelines = temp.File("pipelines");
        ServiceUnderTest.WritePipeline(pipelines, "bench", ("gazette", site.FeedUrl, count, ["en"]));

        var run = await RunAsync(site, pipelines, temp, processes: 1, provider, database?.ConnectionString, TimeSpan.FromMinutes(30));
        var line = $"ingest[{provider.ToString().ToLowerInvariant()}]: {count} articles in {run.Elapsed.TotalSeconds:0.0} s = "
            + $"{count / run.Elapsed.TotalSeconds:0.0} articles/s, peak RSS {run.PeakBytes / 1024.0 / 1024.0:0} MB";
        _output.WriteLine(line);
        Console.WriteLine(line);
    }

    private sealed record Run(TimeSpan Elapsed, long PeakBytes, IReadOnlyList<int> ArticlesPerProcess);

    private async Task<Run> RunAsync(NewsSite site, string pipelines, TempDirectory temp, int processes, StorageProvider provider, string? connectionString, TimeSpan limit)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = provider.ToString().ToLowerInvariant(),
            ["Storage__DataDirectory"] = temp.File("data"),
            ["Pipelines__Path"] = pipelines,
            ["Fetch__PerHostDelay"] = "00:00:00",
            ["Fetch__PerHostConcurrency"] = "8",
            ["Fetch__RetryBaseDelay"] = "00:00:00.050",
            ["Jobs__QueuePollInterval"] = "00:00:00.200",
        };
        if (connectionString is not null)
        {
            environment["Storage__ConnectionString"] = connectionString;
        }

        await using var provided = StoreProvider(provider, connectionString, temp);
        var store = provided.GetRequiredService<IArticleStore>();
        await store.MigrateAsync(default);

        var clock = Stopwatch.StartNew();
        var services = Enumerable.Range(0, processes).Select(_ => ServiceProcess.Start(environment)).ToList();
        try
        {
            var deadline = clock.Elapsed + limit;
            while (true)
            {
                services.ForEach(s => s.Sample());
                var statuses = (await store.GetSourceStatusesAsync(default)).SingleOrDefault();
                if (statuses?.ArticlesExtracted == site.ArticleCount)
                {
                    break;
                }

                Assert.True(clock.Elapsed < deadline, $"only {statuses?.ArticlesExtracted ?? 0} of {site.ArticleCount} articles after {limit}:\n{services[0].Output}");
                Assert.All(services, s => Assert.False(s.HasExited, $"a service process exited:\n{s.Output}"));
                await Task.Delay(200);
            }

            var elapsed = clock.Elapsed;
            var peak = services.Max(s => s.PeakMemoryBytes);
            var perProcess = new List<int>();
            foreach (var service in services)
            {
                perProcess.Add(await CountProcessedByAsync(store, site, service.Id));
            }

            _output.WriteLine($"{processes} process(es), {provider}: {site.ArticleCount} articles in {elapsed.TotalSeconds:0.0} s, peak {peak / 1048576} MB, per process {string.Join("/", perProcess)}");
            return new Run(elapsed, peak, perProcess);
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }
        }
    }

    /// <summary>How many articles a process extracted, from the worker names in the articles' histories.</summary>
    private static async Task<int> CountProcessedByAsync(IArticleStore store, NewsSite site, int processId)
    {
        var count = 0;
        for (var n = 1; n <= site.ArticleCount; n++)
        {
            var article = (await store.FindByUrlAsync(site.ArticleUrl(n).ToString(), default))!;
            var history = await store.GetHistoryAsync(article.Id, default);
            if (history.Any(entry => entry.Action == "extracted" && (entry.Detail ?? "").Contains($":{processId}:", StringComparison.Ordinal)))
            {
                count++;
            }
        }

        return count;
    }

    private static ServiceProvider StoreProvider(StorageProvider provider, string? connectionString, TempDirectory temp) =>
        new ServiceCollection()
            .AddArticleStore(new StorageOptions { Provider = provider, ConnectionString = connectionString, DataDirectory = temp.File("data") })
            .BuildServiceProvider();
}

/// <summary>A database of its own on the test PostgreSQL, dropped afterwards.</summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private ScratchDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(string adminConnectionString)
    {
        var name = "nle_service_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name };
        return new ScratchDatabase(adminConnectionString, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
