using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsLeakExtractor.Ingestion.Sources;
using NewsLeakExtractor.Ingestion.Store;
using NewsLeakExtractor.Tests.Service;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Dashboard;

/// <summary>
/// A service that looks lived-in, for the browser's reprocess test and the screenshots: seeded events, two configured
/// sources with polls recorded, and a second loopback Kestrel serving an invented article page to reprocess
/// (<c>Fetch:AllowPrivateNetworks=true</c>, as only a test may set it).
/// </summary>
public sealed class ShowcaseSite : IAsyncLifetime
{
    /// <summary>An invented news page: one officer, one leak to a weekly, a reporting source and a reaction.</summary>
    public const string ArticleHtml = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Ferry contract papers handed to reporters | Lantern Weekly</title>
        <meta property="og:site_name" content="Lantern Weekly">
        <meta property="article:published_time" content="2026-05-12T07:30:00Z">
        </head><body>
        <nav><a href="/">Home</a> <a href="/local">Local</a></nav>
        <article>
        <h1>Ferry contract papers handed to reporters</h1>
        <p class="byline">By Wren Castell</p>
        <p>Greta Holm, a procurement officer at the Island Transport Board, leaked confidential tender documents to the Lantern Weekly last month, according to a report by the Bay Chronicle.</p>
        <p>The papers showed that the board had chosen a ferry operator before the bidding closed, the Bay Chronicle reported.</p>
        <p>"This was a grave breach of the rules and it will be investigated," said Piet Aalders, the chair of the Island Transport Board.</p>
        <p>Holm has not commented publicly, and her lawyer said she would respond once the board had explained its own decisions.</p>
        <p>The board said its review of the tender would be published before the summer recess.</p>
        </article>
        <footer>Lantern Weekly, a made-up newspaper for tests.</footer>
        </body></html>
        """;

    private readonly TempDirectory _directory = new();
    private WebApplication? _newsSite;
    private ServiceUnderTest? _service;

    public Uri BaseUri => Service.BaseUri;

    public Uri ArticleUrl { get; private set; } = null!;

    internal ServiceUnderTest Service => _service ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _newsSite = Loopback.CreateSite();
        _newsSite.MapGet("/2026/05/ferry-papers", () => Results.Text(ArticleHtml, "text/html; charset=utf-8", Encoding.UTF8));
        _newsSite.MapGet("/feed.xml", () => Results.Text("<rss version=\"2.0\"><channel><title>Lantern</title></channel></rss>", "application/rss+xml"));
        await _newsSite.StartAsync();
        var site = Loopback.BaseUriOf(_newsSite);
        ArticleUrl = new Uri(site, "/2026/05/ferry-papers");

        var arguments = DashboardSite.Arguments(_directory, "--Fetch:AllowPrivateNetworks=true");
        var pipelines = arguments.Single(a => a.StartsWith("--Pipelines:Path=", StringComparison.Ordinal))["--Pipelines:Path=".Length..];
        ServiceUnderTest.WritePipeline(pipelines, "regional", ("lantern", new Uri(site, "/feed.xml"), 20, ["en"]), ("chronicle", new Uri(site, "/missing.xml"), 10, []));
        _service = await ServiceUnderTest.StartAsync(arguments);

        var store = Service.Store;
        var sources = Service.Services.GetRequiredService<PipelineRegistry>().Sources;
        for (var n = 0; n < 60; n++)
        {
            var write = DashboardFixtures.Article(n, events: 1 + (n % 3 == 0 ? 1 : 0) + (n % 7 == 0 ? 2 : 0));
            await store.SaveExtractionAsync(write with { SourceId = sources.Count > 0 ? sources[n % sources.Count].Id : null }, CancellationToken.None);
        }

        var now = DateTimeOffset.UtcNow;
        foreach (var source in sources)
        {
            var failing = source.Url.AbsolutePath.Contains("missing", StringComparison.Ordinal);
            for (var poll = 3; poll >= 1; poll--)
            {
                var at = now.AddMinutes(-15 * poll);
                await store.RecordPollAsync(
                    new SourcePoll(source.Id, at, at.AddSeconds(2), failing ? 0 : 12, failing ? 0 : 4 - poll, failing ? "HttpStatus: HTTP 404 Not Found" : null) { NextPollAt = now.AddMinutes(15) },
                    CancellationToken.None);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_newsSite is not null)
        {
            await Loopback.StopAsync(_newsSite);
        }

        _directory.Dispose();
    }
}
