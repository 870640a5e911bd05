using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Fetch;

/// <summary>The HTTP fetch stage against a real server on loopback: statuses, time limit, size cap, content types, charsets.</summary>
public sealed class HttpFetchTests : IClassFixture<LoopbackSite>
{
    private static readonly FetchOptions Quick = new() { Timeout = TimeSpan.FromSeconds(1) };

    private readonly LoopbackSite _site;

    public HttpFetchTests(LoopbackSite site) => _site = site;

    private static async Task<RawDocument> FetchAsync(Uri url, FetchOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FetchOptions();
        using var client = HttpPageFetcher.CreateDefaultClient(options);
        var fetcher = new HttpPageFetcher(client, options);
        return await fetcher.FetchAsync(url, cancellationToken).WaitAsync(Pipelines.TimeLimit, CancellationToken.None);
    }

    private static async Task<FetchException> FetchFailsAsync(Uri url, FetchOptions? options = null)
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => FetchAsync(url, options));
        Assert.DoesNotContain('\n', error.Message);
        return error;
    }

    [Fact]
    public async Task Normal_page_is_fetched_with_its_media_type_and_charset()
    {
        var url = _site.Url("article");

        var raw = await FetchAsync(url);

        Assert.Equal(url, raw.Source);
        Assert.Equal("text/html", raw.MediaType);
        Assert.Equal("utf-8", raw.Charset);
        Assert.Equal(await File.ReadAllBytesAsync(TestPaths.Page("broadsheet.html")), raw.Content.ToArray());
    }

    [Fact]
    public async Task Normal_page_runs_through_the_pipeline()
    {
        var url = _site.Url("article").ToString();

        var outcome = await Pipelines.RunAsync(url);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Null(outcome.Message);
        var article = outcome.Result!.Article;
        Assert.Equal(url, article.Url);
        Assert.Equal("https://www.meridiancourier.example/news/2024/mar/12/leaked-memo-waterways-flood-warnings", article.CanonicalUrl);
        Assert.Equal("Leaked memo shows waterways agency ignored flood warnings", article.Title);
        Assert.StartsWith("Senior officials at the Harbour & Canals Authority", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetcher_sends_a_real_user_agent()
    {
        await FetchAsync(_site.Url("article"));

        var sent = _site.UserAgents["/article"];
        Assert.Equal(new FetchOptions().UserAgent, sent);
        Assert.StartsWith("Mozilla/5.0", sent, StringComparison.Ordinal);
        Assert.Contains("NewsLeakExtractor/", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_user_agent_is_sent()
    {
        await FetchAsync(_site.Url("plain"), new FetchOptions { UserAgent = "TestAgent/1.0 (+loopback)" });

        Assert.Equal("TestAgent/1.0 (+loopback)", _site.UserAgents["/plain"]);
    }

    [Fact]
    public async Task Not_found_is_not_found()
    {
        var url = _site.Url("missing");

        var error = await FetchFailsAsync(url);

        Assert.Equal(FailureReason.NotFound, error.Reason);
        Assert.Equal(404, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
        Assert.Contains(url.ToString(), error.Message, StringComparison.Ordinal);

        var outcome = await Pipelines.RunAsync(url.ToString());
        Assert.False(outcome.Succeeded);
        Assert.Equal(FailureReason.NotFound, outcome.Failure);
        Assert.Equal(url.ToString(), outcome.Input);
    }

    [Fact]
    public async Task Server_error_is_a_transient_http_status_failure()
    {
        var error = await FetchFailsAsync(_site.Url("error"));

        Assert.Equal(FailureReason.HttpStatus, error.Reason);
        Assert.Equal(500, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);

        var outcome = await Pipelines.RunAsync(_site.Url("error").ToString());
        Assert.Equal(FailureReason.HttpStatus, outcome.Failure);
    }

    [Fact]
    public async Task Forbidden_is_a_permanent_http_status_failure()
    {
        var error = await FetchFailsAsync(_site.Url("forbidden"));

        Assert.Equal(FailureReason.HttpStatus, error.Reason);
        Assert.Equal(403, error.StatusCode);
        Assert.False(error.IsTransient);
    }

    [Theory]
    [InlineData("slow-headers")]
    [InlineData("slow-body")]
    public async Task Slow_response_times_out(string path)
    {
        var clock = Stopwatch.StartNew();

        var error = await FetchFailsAsync(_site.Url(path), Quick);

        clock.Stop();
        Assert.Equal(FailureReason.Timeout, error.Reason);
        Assert.True(error.IsTransient);
        Assert.Contains("timed out after 1 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Slow_response_is_a_timeout_outcome_in_the_pipeline()
    {
        var outcome = await Pipelines.RunAsync(_site.Url("slow-headers").ToString(), Quick);

        Assert.False(outcome.Succeeded);
        Assert.Equal(FailureReason.Timeout, outcome.Failure);
        Assert.Contains("timed out", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_a_timeout()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FetchAsync(_site.Url("slow-headers"), new FetchOptions(), cancel.Token));
    }

    [Theory]
    [InlineData("huge-declared")]
    [InlineData("huge-chunked")]
    public async Task Body_over_the_cap_is_too_large(string path)
    {
        var error = await FetchFailsAsync(_site.Url(path));

        Assert.Equal(FailureReason.TooLarge, error.Reason);
        Assert.Contains($"exceeds the {FetchOptions.DefaultMaxBytes:N0}-byte cap", error.Message, StringComparison.Ordinal);

        var outcome = await Pipelines.RunAsync(_site.Url(path).ToString());
        Assert.Equal(FailureReason.TooLarge, outcome.Failure);
    }

    [Fact]
    public async Task Configured_cap_applies()
    {
        var error = await FetchFailsAsync(_site.Url("article"), new FetchOptions { MaxBytes = 4096 });

        Assert.Equal(FailureReason.TooLarge, error.Reason);
        Assert.Contains($"{4096:N0}-byte cap", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image", "image/png")]
    [InlineData("octets", "application/octet-stream")]
    [InlineData("pdf", "application/pdf")]
    public async Task Non_text_content_type_is_unsupported(string path, string mediaType)
    {
        var error = await FetchFailsAsync(_site.Url(path));

        Assert.Equal(FailureReason.UnsupportedContent, error.Reason);
        Assert.Contains($"unsupported content type '{mediaType}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_body_labelled_html_fails_as_binary()
    {
        var outcome = await Pipelines.RunAsync(_site.Url("binary-as-html").ToString());

        Assert.Equal(FailureReason.Binary, outcome.Failure);
    }

    [Fact]
    public async Task Empty_body_fails_as_empty()
    {
        var outcome = await Pipelines.RunAsync(_site.Url("empty").ToString());

        Assert.Equal(FailureReason.Empty, outcome.Failure);
        Assert.Contains("empty document", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charset_only_in_the_http_header_is_used_windows_1252()
    {
        var raw = await FetchAsync(_site.Url("cp1252"));
        Assert.Equal("windows-1252", raw.Charset);

        var outcome = await Pipelines.RunAsync(_site.Url("cp1252").ToString());

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.StartsWith(
            "“We didn’t leak the café’s accounts,” said Zoë Brandt, and the clerk’s note put the cost at €1,200.",
            outcome.Result!.Article.Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charset_only_in_the_http_header_is_used_windows_1251()
    {
        var outcome = await Pipelines.RunAsync(_site.Url("cp1251").ToString());

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.StartsWith(LoopbackSite.RussianSentence, outcome.Result!.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_content_encoding_is_decompressed()
    {
        var raw = await FetchAsync(_site.Url("gzip"));

        Assert.Equal(await File.ReadAllBytesAsync(TestPaths.Page("broadsheet.html")), raw.Content.ToArray());
    }

    [Fact]
    public async Task Redirect_is_followed_and_the_final_url_kept()
    {
        var raw = await FetchAsync(_site.Url("redirect"));

        Assert.Equal(_site.Url("article"), raw.Source);
    }

    [Fact]
    public async Task Missing_content_type_is_taken_as_html()
    {
        var raw = await FetchAsync(_site.Url("no-content-type"));

        Assert.Equal("text/html", raw.MediaType);
        Assert.Null(raw.Charset);
    }

    [Fact]
    public async Task Plain_text_response_is_read_as_a_text_article()
    {
        var outcome = await Pipelines.RunAsync(_site.Url("plain").ToString());

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("A plain headline", outcome.Result!.Article.Title);
        Assert.Equal("A plain paragraph of text served as text/plain by the server.", outcome.Result.Article.Text);
    }

    [Fact]
    public async Task Refused_connection_is_a_network_failure()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await FetchFailsAsync(new Uri($"http://127.0.0.1:{port}/closed"), Quick);

        Assert.Equal(FailureReason.Network, error.Reason);
        Assert.True(error.IsTransient);
        Assert.Contains("network error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_dropped_mid_body_is_a_network_failure()
    {
        var outcome = await Pipelines.RunAsync(_site.Url("abort").ToString());

        Assert.False(outcome.Succeeded);
        Assert.Equal(FailureReason.Network, outcome.Failure);
        Assert.Contains("network error", outcome.Message, StringComparison.Ordinal);
    }
}
