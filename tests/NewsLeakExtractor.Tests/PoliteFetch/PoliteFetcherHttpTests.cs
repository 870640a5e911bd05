using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Ingestion.Fetch;
using Xunit;

namespace NewsLeakExtractor.Tests.PoliteFetch;

/// <summary>The fetcher against a real server: retries, timeouts, redirects, caps, content checks, validators, compression.</summary>
public sealed class PoliteFetcherHttpTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Fetches_an_article_with_our_user_agent_and_the_source_headers()
    {
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/article", (HttpContext c) => PoliteSite.Html(c)));
        using var fetch = TestFetcher.Create();

        var response = await fetch.FetchAsync(new PoliteFetchRequest(site.Url("article"))
        {
            Headers = new Dictionary<string, string> { ["X-Api-Key"] = "demo-key" },
        }).WaitAsync(Limit);

        Assert.Equal(200, response.StatusCode);
        Assert.False(response.NotModified);
        Assert.Equal("text/html", response.Document!.MediaType);
        Assert.Equal("utf-8", response.Document.Charset);
        Assert.Contains("leaked memo", Encoding.UTF8.GetString(response.Document.Content.Span), StringComparison.Ordinal);
        var seen = Assert.Single(site.RequestsTo("/article"));
        Assert.Contains("NewsLeakExtractor", seen.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.StartsWith("Mozilla/5.0", seen.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal("demo-key", seen.Headers["X-Api-Key"]);
    }

    [Fact]
    public async Task A_503_then_200_is_retried_and_succeeds()
    {
        var attempts = 0;
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/flaky", (HttpContext c) =>
            Interlocked.Increment(ref attempts) == 1 ? Results.StatusCode(503) : Results.Content("<p>now it works</p>", "text/html")));
        using var fetch = TestFetcher.Create();

        var response = await fetch.FetchAsync(site.Url("flaky")).WaitAsync(Limit);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_server_error_that_persists_ends_in_a_transient_failure_after_every_retry()
    {
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/down", () => Results.StatusCode(503)));
        using var fetch = TestFetcher.Create("RetryCount=3");

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("down")).WaitAsync(Limit));

        Assert.Equal(FailureReason.HttpStatus, failure.Reason);
        Assert.Equal(503, failure.StatusCode);
        Assert.True(failure.IsTransient);
        Assert.Equal(4, site.Count("/down"));
    }

    [Theory]
    [InlineData(404, FailureReason.NotFound)]
    [InlineData(410, FailureReason.NotFound)]
    [InlineData(403, FailureReason.HttpStatus)]
    [InlineData(400, FailureReason.HttpStatus)]
    public async Task Other_client_errors_are_not_retried(int status, FailureReason reason)
    {
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/gone", () => Results.StatusCode(status)));
        using var fetch = TestFetcher.Create("RetryCount=3");

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("gone")).WaitAsync(Limit));

        Assert.Equal(reason, failure.Reason);
        Assert.Equal(status, failure.StatusCode);
        Assert.False(failure.IsTransient);
        Assert.Equal(1, site.Count("/gone"));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_wait_it_asks_for()
    {
        var attempts = 0;
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/busy", (HttpContext c) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                c.Response.Headers.RetryAfter = "0";
                c.Response.StatusCode = 429;
                return Task.CompletedTask;
            }

            return PoliteSite.Html(c);
        }));
        using var fetch = TestFetcher.Create();

        var response = await fetch.FetchAsync(site.Url("busy")).WaitAsync(Limit);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_429_asking_for_an_unreasonable_wait_is_not_retried()
    {
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/busy", (HttpContext c) =>
        {
            c.Response.Headers.RetryAfter = "86400";
            c.Response.StatusCode = 429;
            return Task.CompletedTask;
        }));
        using var fetch = TestFetcher.Create("MaxRetryAfter=00:00:05");

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("busy")).WaitAsync(Limit));

        Assert.Equal(429, failure.StatusCode);
        Assert.Equal(1, site.Count("/busy"));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_a_transient_timeout_after_its_retries()
    {
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/slow", async (HttpContext c) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
            await PoliteSite.Html(c);
        }));
        using var fetch = TestFetcher.Create("Timeout=00:00:00.250", "RetryCount=1");
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("slow")).WaitAsync(Limit));

        Assert.Equal(FailureReason.Timeout, failure.Reason);
        Assert.True(failure.IsTransient);
        Assert.Equal(2, site.Count("/slow"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_body_that_trickles_is_cut_off_by_the_timeout()
    {
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/trickle", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            await c.Response.WriteAsync("<p>first part", c.RequestAborted);
            await c.Response.Body.FlushAsync(c.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
        }));
        using var fetch = TestFetcher.Create("Timeout=00:00:00.300", "RetryCount=0");

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("trickle")).WaitAsync(Limit));

        Assert.Equal(FailureReason.Timeout, failure.Reason);
    }

    [Fact]
    public async Task Redirects_are_followed_to_the_final_url()
    {
        await using var site = await PoliteSite.StartAsync(app =>
        {
            app.MapGet("/old", () => Results.Redirect("/middle", permanent: true));
            app.MapGet("/middle", () => Results.Redirect("/new"));
            app.MapGet("/new", (HttpContext c) => PoliteSite.Html(c));
        });
        using var fetch = TestFetcher.Create();

        var response = await fetch.FetchAsync(site.Url("old")).WaitAsync(Limit);

        Assert.Equal(site.Url("old"), response.RequestedUrl);
        Assert.Equal(site.Url("new"), response.FinalUrl);
        Assert.Equal(site.Url("new"), response.Document!.Source);
    }

    [Fact]
    public async Task A_redirect_loop_is_reported_as_a_loop()
    {
        await using var site = await PoliteSite.StartAsync(app =>
        {
            app.MapGet("/a", () => Results.Redirect("/b"));
            app.MapGet("/b", () => Results.Redirect("/a"));
        });
        using var fetch = TestFetcher.Create();

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("a")).WaitAsync(Limit));

        Assert.Contains("redirect loop", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
        Assert.Equal(1, site.Count("/a"));
        Assert.Equal(1, site.Count("/b"));
    }

    [Fact]
    public async Task More_redirects_than_the_limit_are_refused()
    {
        await using var site = await PoliteSite.StartAsync(app =>
            app.MapGet("/hop/{n:int}", (int n) => Results.Redirect($"/hop/{n + 1}")));
        using var fetch = TestFetcher.Create("MaxRedirects=3");

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("hop/0")).WaitAsync(Limit));

        Assert.Contains("too many redirects", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, site.Requests.Count(r => r.Path.StartsWith("/hop/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/ftp", () => Results.Redirect("ftp://files.example.com/a.html")));
        using var fetch = TestFetcher.Create();

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("ftp")).WaitAsync(Limit));

        Assert.Equal(FailureReason.Refused, failure.Reason);
    }

    [Fact]
    public async Task A_200_MB_streamed_body_is_refused_at_the_cap_without_reading_it_all()
    {
        using var server = new EndlessBodyServer();
        using var fetch = TestFetcher.Create("MaxBytes=1048576");

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(server.Url("endless")).WaitAsync(Limit));

        Assert.Equal(FailureReason.TooLarge, failure.Reason);
        await Task.Delay(200);

        // The cap, what the handler may drain, and the socket buffers: far from the 200 MB on offer.
        Assert.True(server.BodyBytesSent < 32L * 1024 * 1024, $"the client took {server.BodyBytesSent:N0} bytes");
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_before_reading()
    {
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/big", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            c.Response.ContentLength = 200L * 1024 * 1024;
            try
            {
                await c.Response.Body.WriteAsync(new byte[65536], c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
                await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
            }
        }));
        using var fetch = TestFetcher.Create("MaxBytes=1048576");

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("big")).WaitAsync(Limit));

        Assert.Equal(FailureReason.TooLarge, failure.Reason);
        Assert.Contains("209,715,200", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_content_is_refused_by_type_and_by_its_bytes()
    {
        var noise = new byte[4096];
        new Random(7).NextBytes(noise);
        await using var site = await PoliteSite.StartAsync(app =>
        {
            app.MapGet("/image", (HttpContext c) => PoliteSite.Send(c, "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]));
            app.MapGet("/noise", (HttpContext c) => PoliteSite.Send(c, "text/html", noise));
        });
        using var fetch = TestFetcher.Create();

        var byType = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("image")).WaitAsync(Limit));
        var byBytes = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("noise")).WaitAsync(Limit));

        Assert.Equal(FailureReason.UnsupportedContent, byType.Reason);
        Assert.Contains("image/png", byType.Message, StringComparison.Ordinal);
        Assert.Equal(FailureReason.Binary, byBytes.Reason);
    }

    [Fact]
    public async Task Feeds_accept_xml_types_that_articles_refuse()
    {
        await using var site = await PoliteSite.StartAsync(app =>
            app.MapGet("/feed", (HttpContext c) => PoliteSite.Send(c, "application/rss+xml", "<rss version=\"2.0\"><channel/></rss>"u8.ToArray())));
        using var fetch = TestFetcher.Create();

        var feed = await fetch.FetchAsync(site.Url("feed"), expectFeed: true).WaitAsync(Limit);
        var asArticle = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("feed")).WaitAsync(Limit));

        Assert.Equal("application/rss+xml", feed.Document!.MediaType);
        Assert.Equal(FailureReason.UnsupportedContent, asArticle.Reason);
        Assert.Contains("application/rss+xml", site.RequestsTo("/feed")[0].Headers["Accept"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validators_round_trip_into_a_304()
    {
        const string etag = "\"v42\"";
        const string lastModified = "Tue, 03 Jun 2025 10:00:00 GMT";
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            if (c.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                c.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            c.Response.Headers.ETag = etag;
            c.Response.Headers.LastModified = lastModified;
            return PoliteSite.Send(c, "application/xml", "<rss><channel/></rss>"u8.ToArray());
        }));
        using var fetch = TestFetcher.Create();

        var first = await fetch.FetchAsync(site.Url("feed"), expectFeed: true).WaitAsync(Limit);
        var second = await fetch.FetchAsync(new PoliteFetchRequest(site.Url("feed"))
        {
            ExpectFeed = true,
            ETag = first.ETag,
            LastModified = first.LastModified,
        }).WaitAsync(Limit);

        Assert.Equal(etag, first.ETag);
        Assert.Equal(lastModified, first.LastModified);
        Assert.True(second.NotModified);
        Assert.Null(second.Document);
        Assert.Equal(304, second.StatusCode);
        Assert.Equal(etag, second.ETag);
        var conditional = site.RequestsTo("/feed")[1];
        Assert.Equal(etag, conditional.Headers["If-None-Match"]);
        Assert.Equal(lastModified, conditional.Headers["If-Modified-Since"]);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task Compressed_bodies_are_decompressed(string encoding)
    {
        var page = Encoding.UTF8.GetBytes("<html><body><p>" + string.Concat(Enumerable.Repeat("A compressed paragraph about a leak. ", 200)) + "</p></body></html>");
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/packed", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            c.Response.Headers.ContentEncoding = encoding;
            await using Stream compressor = encoding switch
            {
                "gzip" => new GZipStream(c.Response.Body, CompressionLevel.Fastest, leaveOpen: true),
                "br" => new BrotliStream(c.Response.Body, CompressionLevel.Fastest, leaveOpen: true),
                _ => new ZLibStream(c.Response.Body, CompressionLevel.Fastest, leaveOpen: true),
            };
            await compressor.WriteAsync(page, c.RequestAborted);
        }));
        using var fetch = TestFetcher.Create();

        var response = await fetch.FetchAsync(site.Url("packed")).WaitAsync(Limit);

        Assert.Equal(page, response.Document!.Content.ToArray());
        Assert.Contains(encoding, site.RequestsTo("/packed")[0].Headers["Accept-Encoding"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_concurrent_callers_get_at_most_two_requests_in_flight_to_one_host()
    {
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/slow/{n:int}", async (HttpContext c) =>
        {
            await Task.Delay(150, c.RequestAborted);
            await PoliteSite.Html(c);
        }));
        using var fetch = TestFetcher.Create("PerHostConcurrency=2");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => fetch.FetchAsync(site.Url($"slow/{i}")))).WaitAsync(Limit);

        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(2, site.MaxInFlight);
    }

    [Fact]
    public async Task Request_starts_to_one_host_are_spaced_by_the_per_host_delay()
    {
        await using var site = await PoliteSite.StartAsync(app => app.MapGet("/p/{n:int}", (HttpContext c) => PoliteSite.Html(c)));

        // One slot keeps one connection, so the server sees the starts without connection set-up in between.
        using var fetch = TestFetcher.Create("PerHostDelay=00:00:00.200", "PerHostConcurrency=1");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => fetch.FetchAsync(site.Url($"p/{i}")))).WaitAsync(Limit);

        // The n-th page may not start before n delays after the first; scheduling jitter gets 50 ms.
        var starts = site.Requests.Where(r => r.Path.StartsWith("/p/", StringComparison.Ordinal)).Select(r => r.StartedAt).Order().ToList();
        Assert.Equal(4, starts.Count);
        for (var i = 1; i < starts.Count; i++)
        {
            Assert.True(starts[i] - starts[0] >= TimeSpan.FromMilliseconds(200 * i - 50), $"page {i} at {(starts[i] - starts[0]).TotalMilliseconds} ms");
        }
    }
}
