using System.Net;
using NewsLeakExtractor.Ingestion.Store;
using NewsLeakExtractor.Tests.Service;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Dashboard;

/// <summary>
/// The real service on a loopback port with a temporary SQLite store, an empty pipelines folder and no polling,
/// seeded through <see cref="IArticleStore.SaveExtractionAsync"/> with <see cref="DashboardFixtures"/>.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    /// <summary>Single-event articles, one a day from 2026-03-01: enough for two pages of 25.</summary>
    public const int Articles = 30;

    /// <summary>The article with three events (so an event page has siblings).</summary>
    public const int MultiEventArticle = 1000;

    private readonly TempDirectory _directory = new();
    private ServiceUnderTest? _service;

    public Uri BaseUri => Service.BaseUri;

    public HttpClient Http => Service.Http;

    public IArticleStore Store => Service.Store;

    internal ServiceUnderTest Service => _service ?? throw new InvalidOperationException("not started");

    /// <summary>Service arguments for dashboard tests; <paramref name="extra"/> adds or overrides keys.</summary>
    internal static List<string> Arguments(TempDirectory directory, params string[] extra)
    {
        var pipelines = directory.File("pipelines");
        Directory.CreateDirectory(pipelines);
        return ServiceUnderTest.Arguments(directory.File("data"), pipelines, ["--Ingest:PollOnStart=false", "--Jobs:ShutdownTimeout=00:00:01", .. extra]);
    }

    public async Task InitializeAsync()
    {
        _service = await ServiceUnderTest.StartAsync(Arguments(_directory));
        for (var n = 0; n < Articles; n++)
        {
            await Store.SaveExtractionAsync(DashboardFixtures.Article(n), CancellationToken.None);
        }

        await Store.SaveExtractionAsync(DashboardFixtures.Article(MultiEventArticle, events: 3), CancellationToken.None);
        await Store.SaveExtractionAsync(DashboardFixtures.Injected(), CancellationToken.None);
        await Store.RecordPollAsync(
            new SourcePoll("retired/<em>feed</em>", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(-5), 0, 0, "Timeout: <b>the feed</b> took too long"),
            CancellationToken.None);
    }

    public async Task<string> GetPageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        return body;
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        _directory.Dispose();
    }
}
