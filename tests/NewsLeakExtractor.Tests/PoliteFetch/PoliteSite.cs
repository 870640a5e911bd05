using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using NewsLeakExtractor.Tests.Support;

namespace NewsLeakExtractor.Tests.PoliteFetch;

/// <summary>One request as the server saw it.</summary>
public sealed record SeenRequest(string Path, TimeSpan StartedAt, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A real Kestrel server on 127.0.0.1 with routes chosen by each test, which records what it receives: every
/// request with its start time and headers, and the most requests it ever had in flight at once.
/// An unmapped path (robots.txt included) is a 404.
/// </summary>
public sealed class PoliteSite : IAsyncDisposable
{
    private readonly ConcurrentQueue<SeenRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private WebApplication _app = null!;
    private int _inFlight;
    private int _maxInFlight;

    private PoliteSite()
    {
    }

    public Uri BaseUri { get; private set; } = null!;

    public int Port => BaseUri.Port;

    public IReadOnlyList<SeenRequest> Requests => _requests.ToArray();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public static async Task<PoliteSite> StartAsync(Action<WebApplication> routes)
    {
        var site = new PoliteSite();
        var app = Loopback.CreateSite();
        app.Use(async (context, next) =>
        {
            site._requests.Enqueue(new SeenRequest(
                context.Request.Path.Value ?? "/",
                site._clock.Elapsed,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            var now = Interlocked.Increment(ref site._inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref site._maxInFlight)) && Interlocked.CompareExchange(ref site._maxInFlight, now, seen) != seen)
            {
            }

            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref site._inFlight);
            }
        });
        routes(app);
        await app.StartAsync();
        site.BaseUri = Loopback.BaseUriOf(app);
        site._app = app;
        return site;
    }

    public Uri Url(string path) => new(BaseUri, path);

    public int Count(string path) => _requests.Count(r => r.Path == path);

    public IReadOnlyList<SeenRequest> RequestsTo(string path) => _requests.Where(r => r.Path == path).ToList();

    public async ValueTask DisposeAsync() => await Loopback.StopAsync(_app);

    public static async Task Send(HttpContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task Html(HttpContext context, string text = "A short article about a leaked memo.") =>
        Send(context, "text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes($"<html><head><title>Page</title></head><body><p>{text}</p></body></html>"));
}
