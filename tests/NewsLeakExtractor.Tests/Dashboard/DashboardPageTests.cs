using System.Net;
using System.Text.RegularExpressions;
using NewsLeakExtractor.Tests.Service;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Dashboard;

/// <summary>The dashboard's pages over real HTTP from a real Kestrel on loopback, against a seeded SQLite store.</summary>
public sealed class DashboardPageTests : IClassFixture<DashboardSite>
{
    private readonly DashboardSite _site;

    public DashboardPageTests(DashboardSite site) => _site = site;

    [Fact]
    public async Task Events_page_lists_the_newest_first_with_counts_and_every_column()
    {
        var html = await _site.GetPageAsync("/");

        Assert.Contains($"<strong>{DashboardSite.Articles + 3 + 1} events</strong> stored", html, StringComparison.Ordinal);
        Assert.Contains("page 1 of 2", html, StringComparison.Ordinal);
        Assert.Equal(25, Regex.Count(html, "<li class=\"event-row\">"));
        Assert.True(html.IndexOf("/events/evt-000029-0", StringComparison.Ordinal) < html.IndexOf("/events/evt-000028-0", StringComparison.Ordinal), "newest first");

        // One row: summary, leakers → recipients, what was disclosed, date, article title and site, confidence.
        Assert.Contains("Tomas Feld passed a tender shortlist to the Evening Lantern", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"actors leakers\">Tomas Feld</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"actors recipients\">the Evening Lantern</span>", html, StringComparison.Ordinal);
        Assert.Contains("Leak row over a tender shortlist (story 27)", html, StringComparison.Ordinal);
        Assert.Contains("<time>2026-03-28</time>", html, StringComparison.Ordinal);
        Assert.Contains("Example News", html, StringComparison.Ordinal);
        Assert.Matches("[0-9]+% confidence", html);
    }

    [Fact]
    public async Task Paging_keeps_the_filters_and_reaches_the_last_page()
    {
        var first = await _site.GetPageAsync("/?q=passed");
        var next = Regex.Match(first, "href=\"(/\\?[^\"]*page=2[^\"]*)\" rel=\"next\"");
        Assert.True(next.Success, "a next link");
        var href = WebUtility.HtmlDecode(next.Groups[1].Value);
        Assert.Contains("q=passed", href, StringComparison.Ordinal);

        var all = await _site.GetPageAsync("/?pageSize=200");
        var second = await _site.GetPageAsync("/?page=2");
        Assert.Equal(DashboardSite.Articles + 4 - 25, Regex.Count(second, "<li class=\"event-row\">"));
        Assert.Contains("Page 2 of 2", second, StringComparison.Ordinal);
        Assert.Equal(DashboardSite.Articles + 4, Regex.Count(all, "<li class=\"event-row\">"));
    }

    [Theory]
    [InlineData("actor=Nadia+Orlov&role=leaker", 6)] // articles 0, 6, ... 24 and one event of the multi-event article (1000 % 6 = 4 → Lena; 1002 % 6 = 0 → Nadia)
    [InlineData("actor=Nadia+Orlov&role=recipient", 0)]
    [InlineData("actor=Minister+Ravi+Tamm&role=reactor", 17)]
    [InlineData("actor=Tunnel+Authority&role=owner", 11)]
    [InlineData("source=Upland+Mirror", 16)]
    [InlineData("classification=secret", 11)]
    [InlineData("from=2026-03-05&to=2026-03-07", 3)]
    [InlineData("q=tender", 7)]
    public async Task Filters_narrow_the_list_and_show_the_count(string query, int expected)
    {
        var html = await _site.GetPageAsync("/?" + query + "&pageSize=200");

        Assert.Equal(expected, Regex.Count(html, "<li class=\"event-row\">"));
        Assert.Contains($"<strong>{expected} events</strong> match", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_is_a_400_with_the_reason_shown()
    {
        var html = await _site.GetPageAsync("/?from=yesterday-ish", HttpStatusCode.BadRequest);

        Assert.Contains("from/to must be dates", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_page_shows_every_field_with_its_evidence_highlighted_in_the_article()
    {
        var stored = await _site.Store.GetEventAsync(DashboardFixtures.EventId(DashboardSite.MultiEventArticle, 1), CancellationToken.None);
        Assert.NotNull(stored);
        var html = await _site.GetPageAsync("/events/" + stored.Event.Id);

        // Fields, each linked to its span's anchor.
        Assert.Contains("href=\"#disclosed-1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#source-1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#reaction-1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#evidence-1\"", html, StringComparison.Ordinal);
        foreach (var anchor in new[] { "disclosed-1", "source-1", "reaction-1", "evidence-1" })
        {
            Assert.Contains($"<span class=\"span-anchor\" id=\"{anchor}\"></span>", html, StringComparison.Ordinal);
        }

        // The marked text is exactly the spans' text, and the article around them is all there.
        var article = Regex.Match(html, "<div class=\"article-text\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        var plain = WebUtility.HtmlDecode(Regex.Replace(article, "<[^>]+>", ""));
        var record = await _site.Store.GetArticleAsync(stored.ArticleId, CancellationToken.None);
        Assert.Equal(record!.Article!.Text, plain);
        var marked = string.Concat(Regex.Matches(article, "<mark[^>]*>(.*?)</mark>", RegexOptions.Singleline).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Contains(stored.Event.Evidence[0].Text, marked, StringComparison.Ordinal);
        Assert.Contains(stored.Event.Reactions[0].Evidence.Text, marked, StringComparison.Ordinal);
        // The first event's paragraph is not evidence of the second.
        Assert.DoesNotContain(DashboardFixtures.LeakerOf(DashboardSite.MultiEventArticle) + ", an adviser", marked, StringComparison.Ordinal);

        Assert.Contains("Director Ulla Sand", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote class=\"quote\">We condemn this disclosure and will review access</blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("condemnation", html, StringComparison.Ordinal);
        Assert.Contains("the Upland Mirror", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{DashboardFixtures.ArticleUrl(DashboardSite.MultiEventArticle)}\"", html, StringComparison.Ordinal);
        Assert.Contains(DashboardFixtures.ExtractorVersion, html, StringComparison.Ordinal);
        Assert.Contains(DashboardFixtures.ModelVersion, html, StringComparison.Ordinal);
        Assert.Contains("Other events in this article", html, StringComparison.Ordinal);

        // The reprocess button is a POST form with exactly one anti-forgery token.
        var form = Regex.Match(html, "<form method=\"post\" action=\"/reprocess\".*?</form>", RegexOptions.Singleline).Value;
        Assert.Single(Regex.Matches(form, "name=\"__RequestVerificationToken\""));
        Assert.Contains("name=\"url\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_from_articles_is_shown_as_text_everywhere()
    {
        foreach (var path in new[] { "/", "/events/" + DashboardFixtures.InjectedEventId, "/actors/" + Uri.EscapeDataString(DashboardFixtures.BoldLeaker), "/overview", "/?q=harbour" })
        {
            var html = await _site.GetPageAsync(path);

            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<i>", html, StringComparison.OrdinalIgnoreCase);
        }

        var eventPage = await _site.GetPageAsync("/events/" + DashboardFixtures.InjectedEventId);
        Assert.Contains("&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt; Harbour memo row", eventPage, StringComparison.Ordinal);
        Assert.Contains("Clerk &lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;", eventPage, StringComparison.Ordinal);
        Assert.Contains("&lt;iframe src=&quot;/hangfire&quot;&gt;&lt;/iframe&gt; We deplore this", eventPage, StringComparison.Ordinal);
        Assert.Contains("&lt;angle brackets&gt; &amp; ampersands", eventPage, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;Sneaky&lt;/i&gt; Site", eventPage, StringComparison.Ordinal);
        // An actor link carries the name escaped for a URL, never as markup.
        Assert.Contains("href=\"/actors/%3Cb%3EOdo%20Pike%3C%2Fb%3E\"", eventPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_event_is_a_404_page()
    {
        var html = await _site.GetPageAsync("/events/no-such-event", HttpStatusCode.NotFound);

        Assert.Contains("Event not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actor_page_groups_the_actors_events_by_role()
    {
        var html = await _site.GetPageAsync("/actors/" + Uri.EscapeDataString("Director Ulla Sand"));

        Assert.Contains("<h1>Director Ulla Sand</h1>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"role-reactor\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"role-leaker\"", html, StringComparison.Ordinal);

        var leaker = await _site.GetPageAsync("/actors/" + Uri.EscapeDataString("Bram Keller"));
        Assert.Contains("id=\"role-leaker\"", leaker, StringComparison.Ordinal);
        Assert.Contains("Bram Keller passed", leaker, StringComparison.Ordinal);

        var nobody = await _site.GetPageAsync("/actors/Nobody%20At%20All");
        Assert.Contains("No stored event names this actor", nobody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_draws_a_timeline_and_the_top_actors()
    {
        var html = await _site.GetPageAsync("/overview");

        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.True(Regex.Count(html, "<rect class=\"bar\"") >= DashboardSite.Articles);
        Assert.Contains("Top leakers", html, StringComparison.Ordinal);
        Assert.Contains("Top recipients", html, StringComparison.Ordinal);
        Assert.Contains("Top reactors", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/?actor=Minister%20Ravi%20Tamm&amp;role=reactor\"", html, StringComparison.Ordinal);

        var weeks = await _site.GetPageAsync("/overview?by=week");
        Assert.Contains("Events per week", weeks, StringComparison.Ordinal);
        Assert.True(Regex.Count(weeks, "<rect class=\"bar\"") < Regex.Count(html, "<rect class=\"bar\""));

        var range = await _site.GetPageAsync("/overview?from=2026-03-01&to=2026-03-03&by=day");
        Assert.Equal(3, Regex.Count(range, "<rect class=\"bar\""));
    }

    [Fact]
    public async Task Sources_page_shows_configuration_problems_and_sources_no_longer_configured()
    {
        var html = await _site.GetPageAsync("/sources");

        Assert.Contains("No sources are configured", html, StringComparison.Ordinal);
        Assert.Contains("retired/&lt;em&gt;feed&lt;/em&gt;", html, StringComparison.Ordinal);
        Assert.Contains("no longer configured", html, StringComparison.Ordinal);
        Assert.Contains("Timeout: &lt;b&gt;the feed&lt;/b&gt; took too long", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reprocess_page_rejects_a_non_http_url_with_the_reason()
    {
        var (token, cookies) = await AntiforgeryAsync("/reprocess");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reprocess")
        {
            Content = new FormUrlEncodedContent([new("url", "javascript:alert(1)"), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", cookies);
        using var http = Uncookied();
        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not an http(s) URL: javascript:alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        using var response = await _site.Http.PostAsync("/reprocess", new FormUrlEncodedContent([new("url", "https://news.example/x")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/overview")]
    [InlineData("/api/events")]
    [InlineData("/hangfire")]
    [InlineData("/css/dashboard.css")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await _site.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_need_no_script_and_load_only_local_assets()
    {
        var html = await _site.GetPageAsync("/");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.Matches("<link rel=\"stylesheet\" href=\"/css/dashboard.css\\?v=[^\"]+\"", html);
        Assert.Contains("class=\"skip-link\" href=\"#main\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"q\">", html, StringComparison.Ordinal);
        var css = await _site.GetPageAsync("/css/dashboard.css");
        Assert.Contains(":focus-visible", css, StringComparison.Ordinal);
        Assert.Contains("@media (max-width", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_loopback_connection_naming_another_host_is_treated_as_remote()
    {
        // DNS rebinding: a hostile page whose name resolves to 127.0.0.1 reaches us from loopback but names its own host.
        foreach (var path in new[] { "/", "/hangfire", "/api/events" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "rebound.example";
            using var response = await _site.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("disabled", body, StringComparison.Ordinal);
        }

        using var health = new HttpRequestMessage(HttpMethod.Get, "/health");
        health.Headers.Host = "rebound.example";
        using var healthResponse = await _site.Http.SendAsync(health);
        Assert.Equal(HttpStatusCode.OK, healthResponse.StatusCode);
    }

    [Fact]
    public async Task Remote_sign_in_with_the_admin_password_and_the_api_key_over_real_http()
    {
        using var directory = new TempDirectory();
        await using var service = await ServiceUnderTest.StartAsync(DashboardSite.Arguments(directory, "--Dashboard:AdminPassword=correct horse", "--Api:Key=key-123"));
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = service.BaseUri };
        HttpRequestMessage Remote(HttpMethod method, string path)
        {
            var request = new HttpRequestMessage(method, path);
            // Seen from the server this names a host other than loopback, so the request counts as remote.
            request.Headers.Host = "dashboard.example";
            return request;
        }

        using (var anonymous = await http.SendAsync(Remote(HttpMethod.Get, "/overview")))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Equal("/login?returnUrl=%2Foverview", anonymous.Headers.Location!.OriginalString);
        }

        using (var hangfire = await http.SendAsync(Remote(HttpMethod.Post, "/hangfire/stats")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, hangfire.StatusCode);
        }

        string token;
        using (var login = await http.SendAsync(Remote(HttpMethod.Get, "/login?returnUrl=%2Foverview")))
        {
            var html = await login.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            Assert.NotEmpty(token);
        }

        using (var wrong = Remote(HttpMethod.Post, "/login"))
        {
            wrong.Content = new FormUrlEncodedContent([new("password", "battery staple"), new("returnUrl", "/overview"), new("__RequestVerificationToken", token)]);
            using var response = await http.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var right = Remote(HttpMethod.Post, "/login"))
        {
            right.Content = new FormUrlEncodedContent([new("password", "correct horse"), new("returnUrl", "https://evil.example/"), new("__RequestVerificationToken", token)]);
            using var response = await http.SendAsync(right);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString); // an off-site return URL is ignored
            var cookie = string.Join(";", response.Headers.GetValues("Set-Cookie"));
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }

        using (var signedIn = await http.SendAsync(Remote(HttpMethod.Get, "/overview")))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        using (var jobs = await http.SendAsync(Remote(HttpMethod.Get, "/hangfire")))
        {
            Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        }

        // The API wants its key, not the dashboard's cookie.
        using (var api = await http.SendAsync(Remote(HttpMethod.Get, "/api/events")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        using (var keyed = Remote(HttpMethod.Get, "/api/events"))
        {
            keyed.Headers.Add("X-Api-Key", "key-123");
            using var response = await http.SendAsync(keyed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>A client that leaves cookies to the test, so it sees the anti-forgery cookie being set.</summary>
    private HttpClient Uncookied() => new(new HttpClientHandler { UseCookies = false }) { BaseAddress = _site.BaseUri };

    private async Task<(string Token, string Cookies)> AntiforgeryAsync(string path)
    {
        using var http = Uncookied();
        using var response = await http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookies = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return (token, cookies);
    }
}
