using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsLeakExtractor.Tests.Support;

namespace NewsLeakExtractor.Tests.Service;

/// <summary>
/// A news site on a real Kestrel server at 127.0.0.1: a feed of <see cref="ArticleCount"/> synthetic articles, plus a
/// feed of faulty items (404, 500, timeout, redirect loop, 200 MB, binary, German) and a feed that is not XML.
/// Counts every request per path, so tests can assert that each article was fetched exactly once.
/// </summary>
internal sealed class NewsSite : IAsyncDisposable
{
    public const long HugeBytes = 200L * 1024 * 1024;

    public static readonly string[] FaultPaths =
        ["faults/missing", "faults/error", "faults/slow", "faults/loop", "faults/huge", "faults/binary", "faults/german"];

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, int> _versions = new();
    private DateTimeOffset? _listedAt;

    private NewsSite(WebApplication app, int articleCount)
    {
        _app = app;
        ArticleCount = articleCount;
    }

    public int ArticleCount { get; }

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentDictionary<string, int> Requests { get; } = new();

    public Uri FeedUrl => new(BaseUri, "feed.xml");

    public Uri FaultFeedUrl => new(BaseUri, "faults.xml");

    public Uri NotXmlFeedUrl => new(BaseUri, "not-a-feed.xml");

    public static string ArticlePath(int n) => $"news/{n}.html";

    public Uri ArticleUrl(int n) => new(BaseUri, ArticlePath(n));

    public int RequestsFor(string path) => Requests.GetValueOrDefault("/" + path.TrimStart('/'));

    /// <summary>Serves a new version of article <paramref name="n"/> (an update paragraph and a new title).</summary>
    public void Update(int n) => _versions[n] = 2;

    /// <summary>Lists every article in the feed as published just now, as a site does after editing its stories.</summary>
    public void BumpListedDates() => _listedAt = DateTimeOffset.UtcNow.AddSeconds(2);

    public static async Task<NewsSite> StartAsync(int articleCount)
    {
        var app = Loopback.CreateSite();
        var site = new NewsSite(app, articleCount);
        site.Map(app);
        await app.StartAsync();
        site.BaseUri = Loopback.BaseUriOf(app);
        return site;
    }

    public async ValueTask DisposeAsync() => await Loopback.StopAsync(_app);

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Requests.AddOrUpdate(context.Request.Path.Value ?? "/", 1, (_, count) => count + 1);
            await next(context);
        });

        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private/\n", "text/plain"));
        app.MapGet("/feed.xml", () => Results.Text(
            SyntheticArticles.Rss(BaseUri, Enumerable.Range(1, ArticleCount).Select(n => (ArticlePath(n), SyntheticArticles.Title(n), _listedAt ?? SyntheticArticles.Published(n)))),
            "application/rss+xml", Encoding.UTF8));
        app.MapGet("/faults.xml", () => Results.Text(
            SyntheticArticles.Rss(BaseUri, FaultPaths.Select((path, i) => (path, $"Fault {path}", SyntheticArticles.Published(i)))),
            "application/rss+xml", Encoding.UTF8));
        app.MapGet("/not-a-feed.xml", () => Results.Text("<html><body><p>This is a web page, not a feed.</p></body></html>", "text/html"));

        app.MapGet("/news/{n:int}.html", (int n) =>
        {
            var version = _versions.GetValueOrDefault(n, 1);
            return n >= 1 && n <= ArticleCount
                ? Results.Text(SyntheticArticles.Page(n, SyntheticArticles.Title(n, version), version), "text/html", Encoding.UTF8)
                : Results.NotFound();
        });

        app.MapGet("/faults/missing", () => Results.NotFound("no such article"));
        app.MapGet("/faults/error", () => Results.StatusCode(500));
        app.MapGet("/faults/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            return Results.Text("too late", "text/html");
        });
        app.MapGet("/faults/loop", () => Results.Redirect("/faults/loop-back"));
        app.MapGet("/faults/loop-back", () => Results.Redirect("/faults/loop"));
        app.MapGet("/faults/huge", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes("<p>" + new string('z', 65_529) + "</p>\n");
            try
            {
                for (long sent = 0; sent < HugeBytes; sent += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The fetcher stopped reading at its cap.
            }
        });
        app.MapGet("/faults/binary", (HttpContext context) =>
        {
            var bytes = new byte[8192];
            new Random(7).NextBytes(bytes);
            return Results.Bytes(bytes, "application/octet-stream");
        });
        app.MapGet("/faults/german", () => Results.Text(SyntheticArticles.GermanPage(), "text/html", Encoding.UTF8));
    }
}
