using System.Collections.Concurrent;
using System.IO.Compression;
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
using Xunit;

namespace NewsLeakExtractor.Tests.Fetch;

/// <summary>A real Kestrel server on 127.0.0.1 with a dynamic port, serving the pages the HTTP tests need.</summary>
public sealed class LoopbackSite : IAsyncLifetime
{
    /// <summary>Bigger than the default 10 MB cap.</summary>
    public const int HugeBytes = 11 * 1024 * 1024;

    public const string RussianSentence = "Министерство подтвердило утечку документов, сообщил источник в правительстве.";

    private WebApplication? _app;

    static LoopbackSite() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The User-Agent of every request received, by path.</summary>
    public ConcurrentDictionary<string, string> UserAgents { get; } = new();

    public Uri Url(string path) => new(BaseUri, path);

    public async Task InitializeAsync()
    {
        var app = Loopback.CreateSite();
        var article = await File.ReadAllBytesAsync(TestPaths.Page("broadsheet.html"));

        app.Use(async (context, next) =>
        {
            UserAgents[context.Request.Path.Value ?? "/"] = context.Request.Headers.UserAgent.ToString();
            await next(context);
        });

        app.MapGet("/article", (HttpContext context) => Send(context, "text/html; charset=utf-8", article));
        app.MapGet("/missing", () => Results.NotFound("no such page"));
        app.MapGet("/error", () => Results.StatusCode(500));
        app.MapGet("/forbidden", () => Results.StatusCode(403));
        app.MapGet("/redirect", () => Results.Redirect("/article"));
        app.MapGet("/slow-headers", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(15), context.RequestAborted);
            await Send(context, "text/html", article);
        });
        app.MapGet("/slow-body", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.Body.WriteAsync(article.AsMemory(0, 200), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(15), context.RequestAborted);
            await context.Response.Body.WriteAsync(article.AsMemory(200), context.RequestAborted);
        });
        app.MapGet("/huge-declared", (HttpContext context) => SendHuge(context, declareLength: true));
        app.MapGet("/huge-chunked", (HttpContext context) => SendHuge(context, declareLength: false));
        app.MapGet("/image", (HttpContext context) => Send(context, "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]));
        app.MapGet("/octets", (HttpContext context) => Send(context, "application/octet-stream", article));
        app.MapGet("/pdf", (HttpContext context) => Send(context, "application/pdf", "%PDF-1.7\n"u8.ToArray()));
        app.MapGet("/binary-as-html", (HttpContext context) =>
        {
            var bytes = new byte[4096];
            new Random(3).NextBytes(bytes);
            return Send(context, "text/html", bytes);
        });
        app.MapGet("/cp1252", (HttpContext context) => Send(context, "text/html; charset=windows-1252", Encoding.GetEncoding(1252).GetBytes(CharsetPage(
            "“We didn’t leak the café’s accounts,” said Zoë Brandt, and the clerk’s note put the cost at €1,200."))));
        app.MapGet("/cp1251", (HttpContext context) => Send(context, "text/html; charset=windows-1251", Encoding.GetEncoding(1251).GetBytes(CharsetPage(RussianSentence))));
        app.MapGet("/gzip", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync(article, context.RequestAborted);
        });
        app.MapGet("/no-content-type", async (HttpContext context) => await context.Response.Body.WriteAsync(article, context.RequestAborted));
        app.MapGet("/plain", (HttpContext context) => Send(context, "text/plain; charset=utf-8", "A plain headline\n\nA plain paragraph of text served as text/plain by the server.\n"u8.ToArray()));
        app.MapGet("/empty", (HttpContext context) => Send(context, "text/html", []));
        app.MapGet("/abort", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            context.Response.ContentLength = article.Length;
            await context.Response.Body.WriteAsync(article.AsMemory(0, 100), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        });

        await app.StartAsync();
        BaseUri = Loopback.BaseUriOf(app);
        _app = app;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await Loopback.StopAsync(_app);
        }
    }

    private static string CharsetPage(string sentence) =>
        "<html><head><title>Charset only in the header</title></head><body><div class=\"wrap\"><article>"
        + $"<p>{sentence}</p><p>A second paragraph in plain ASCII gives the article some length.</p></article></div></body></html>";

    private static async Task Send(HttpContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static async Task SendHuge(HttpContext context, bool declareLength)
    {
        context.Response.ContentType = "text/html";
        if (declareLength)
        {
            context.Response.ContentLength = HugeBytes;
        }

        var chunk = Encoding.ASCII.GetBytes("<p>" + new string('y', 65_530) + "</p>\n");
        try
        {
            for (var sent = 0; sent < HugeBytes; sent += chunk.Length)
            {
                var length = Math.Min(chunk.Length, HugeBytes - sent);
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, length), context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client gave up at the cap, as it should.
        }
    }
}
