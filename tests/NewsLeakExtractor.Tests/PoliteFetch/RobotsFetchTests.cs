using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsLeakExtractor.Fetch;
using Xunit;

namespace NewsLeakExtractor.Tests.PoliteFetch;

/// <summary>robots.txt as the fetcher meets it on a real server: rules, our own group, Crawl-delay, failures, caching.</summary>
public sealed class RobotsFetchTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static Task<PoliteSite> SiteWithRobots(string robots) => PoliteSite.StartAsync(app =>
    {
        app.MapGet("/robots.txt", () => Results.Text(robots, "text/plain"));
        app.MapGet("/{**path}", (HttpContext c) => PoliteSite.Html(c));
    });

    [Fact]
    public async Task A_disallowed_path_is_refused_without_being_requested_and_others_are_fetched()
    {
        await using var site = await SiteWithRobots("User-agent: *\nDisallow: /private/\n");
        using var fetch = TestFetcher.Create();

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("private/memo.html")).WaitAsync(Limit));
        var allowed = await fetch.FetchAsync(site.Url("news/story.html")).WaitAsync(Limit);

        Assert.Equal(FailureReason.RobotsDisallowed, failure.Reason);
        Assert.False(failure.IsTransient);
        Assert.Contains("robots.txt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/private/memo.html", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, site.Count("/private/memo.html"));
        Assert.Equal(200, allowed.StatusCode);
    }

    [Fact]
    public async Task Our_own_group_overrides_the_general_one()
    {
        await using var site = await SiteWithRobots("User-agent: *\nAllow: /\n\nUser-agent: NewsLeakExtractor\nDisallow: /\n");
        using var fetch = TestFetcher.Create();

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("anything")).WaitAsync(Limit));

        Assert.Equal(FailureReason.RobotsDisallowed, failure.Reason);
    }

    [Fact]
    public async Task A_redirect_into_a_disallowed_path_is_refused_at_that_hop()
    {
        await using var site = await PoliteSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /hidden\n", "text/plain"));
            app.MapGet("/open", () => Results.Redirect("/hidden/page"));
            app.MapGet("/hidden/page", (HttpContext c) => PoliteSite.Html(c));
        });
        using var fetch = TestFetcher.Create();

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("open")).WaitAsync(Limit));

        Assert.Equal(FailureReason.RobotsDisallowed, failure.Reason);
        Assert.Equal(0, site.Count("/hidden/page"));
    }

    [Fact]
    public async Task Crawl_delay_raises_the_spacing_between_requests()
    {
        await using var site = await SiteWithRobots("User-agent: *\nCrawl-delay: 0.25\n");
        using var fetch = TestFetcher.Create("PerHostDelay=00:00:00.001", "PerHostConcurrency=1");

        await fetch.FetchAsync(site.Url("p/0")).WaitAsync(Limit);
        await Task.WhenAll(Enumerable.Range(1, 3).Select(i => fetch.FetchAsync(site.Url($"p/{i}")))).WaitAsync(Limit);

        var starts = site.Requests.Where(r => r.Path.StartsWith("/p/", StringComparison.Ordinal)).Select(r => r.StartedAt).Order().ToList();
        Assert.Equal(4, starts.Count);
        Assert.Equal(TimeSpan.FromSeconds(0.25), fetch.Throttle.DelayFor("127.0.0.1"));

        // The n-th page may not start before n crawl delays after the first; scheduling jitter gets 50 ms.
        for (var i = 1; i < starts.Count; i++)
        {
            Assert.True(starts[i] - starts[0] >= TimeSpan.FromMilliseconds(250 * i - 50), $"page {i} at {(starts[i] - starts[0]).TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task A_robots_txt_that_fails_with_a_server_error_disallows_the_site_for_now()
    {
        await using var site = await PoliteSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.StatusCode(503));
            app.MapGet("/story", (HttpContext c) => PoliteSite.Html(c));
        });
        using var fetch = TestFetcher.Create("RetryCount=1");

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("story")).WaitAsync(Limit));

        Assert.True(failure.IsTransient);
        Assert.Equal(503, failure.StatusCode);
        Assert.Contains("robots.txt", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, site.Count("/story"));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    public async Task A_missing_or_forbidden_robots_txt_allows_everything(int status)
    {
        await using var site = await PoliteSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.StatusCode(status));
            app.MapGet("/story", (HttpContext c) => PoliteSite.Html(c));
        });
        using var fetch = TestFetcher.Create();

        var response = await fetch.FetchAsync(site.Url("story")).WaitAsync(Limit);

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Robots_txt_is_fetched_once_per_site_for_sequential_and_concurrent_callers()
    {
        await using var site = await SiteWithRobots("User-agent: *\nDisallow: /private/\n");
        using var fetch = TestFetcher.Create("PerHostConcurrency=4");

        for (var i = 0; i < 3; i++)
        {
            await fetch.FetchAsync(site.Url($"seq/{i}")).WaitAsync(Limit);
        }

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => fetch.FetchAsync(site.Url($"par/{i}")))).WaitAsync(Limit);

        Assert.Equal(1, site.Count("/robots.txt"));
    }

    [Fact]
    public async Task Robots_txt_is_fetched_once_even_when_the_first_callers_arrive_together()
    {
        await using var site = await SiteWithRobots("User-agent: *\nAllow: /\n");
        using var fetch = TestFetcher.Create("PerHostConcurrency=4");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => fetch.FetchAsync(site.Url($"together/{i}")))).WaitAsync(Limit);

        Assert.Equal(1, site.Count("/robots.txt"));
        Assert.Equal(8, site.Requests.Count(r => r.Path.StartsWith("/together/", StringComparison.Ordinal)));
    }
}
