using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Cli.Hosting;
using NewsLeakExtractor.Ingestion.Store;
using NewsLeakExtractor.Tests.Support;

namespace NewsLeakExtractor.Tests.Service;

/// <summary>
/// The real service (job server, store, API) in this process on a loopback port, configured the way an operator
/// would: through configuration keys. Fast settings for tests: no per-host delay, short timeouts and shutdown.
/// </summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServiceUnderTest(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    public IArticleStore Store => _app.Services.GetRequiredService<IArticleStore>();

    public IServiceProvider Services => _app.Services;

    /// <summary>Writes a pipeline file with the given sources into <paramref name="pipelines"/>.</summary>
    public static void WritePipeline(string pipelines, string name, params (string Id, Uri Url, int Max, string[] Languages)[] sources)
    {
        Directory.CreateDirectory(pipelines);
        var json = new JsonObject
        {
            ["name"] = name,
            ["sources"] = new JsonArray(sources.Select(source => (JsonNode)new JsonObject
            {
                ["id"] = source.Id,
                ["name"] = source.Id,
                ["url"] = source.Url.ToString(),
                ["kind"] = "rss",
                ["schedule"] = "0 0 1 1 *",
                ["maxArticlesPerRun"] = source.Max,
                ["languages"] = new JsonArray(source.Languages.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
                ["allowPrivateNetworks"] = true,
            }).ToArray()),
        };
        File.WriteAllText(Path.Combine(pipelines, name + ".json"), json.ToJsonString());
    }

    /// <summary>Configuration for a test service; <paramref name="extra"/> adds or overrides keys.</summary>
    public static List<string> Arguments(string dataDirectory, string pipelines, params string[] extra) =>
    [
        "--urls=http://127.0.0.1:0",
        $"--Storage:DataDirectory={dataDirectory}",
        $"--Pipelines:Path={pipelines}",
        "--Fetch:PerHostDelay=00:00:00",
        "--Fetch:PerHostConcurrency=4",
        "--Fetch:Timeout=00:00:05",
        "--Fetch:RetryCount=1",
        "--Fetch:RetryBaseDelay=00:00:00.050",
        "--Jobs:ShutdownTimeout=00:00:02",
        "--Jobs:SchedulePollingInterval=00:00:01",
        "--Jobs:QueuePollInterval=00:00:00.200",
        "--Logging:LogLevel:Default=Warning",
        .. extra,
    ];

    public static async Task<ServiceUnderTest> StartAsync(IEnumerable<string> arguments)
    {
        var app = ServiceHost.Build([.. arguments]);
        await app.StartAsync();
        return new ServiceUnderTest(app, Loopback.BaseUriOf(app));
    }

    public async Task<JsonObject> GetJsonAsync(string path) =>
        (await Http.GetFromJsonAsync<JsonObject>(path))!;

    /// <summary>Polls <paramref name="condition"/> until it holds or the time runs out (then fails with <paramref name="what"/>).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {limit.TotalSeconds:0} s waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Loopback.StopAsync(_app);
    }
}
