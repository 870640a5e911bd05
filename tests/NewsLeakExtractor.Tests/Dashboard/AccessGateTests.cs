using System.Net;
using System.Security.Claims;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Cli.Security;
using Xunit;

namespace NewsLeakExtractor.Tests.Dashboard;

/// <summary>The access rule with requests from other machines, which a loopback test cannot make for real.</summary>
public sealed class AccessGateTests
{
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    private static readonly AccessOptions Closed = new();

    private static readonly AccessOptions Open = new() { AdminPassword = "correct horse", ApiKey = "key-123" };

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("127.0.0.1", "localhost")]
    [InlineData("::1", "[::1]")]
    [InlineData("::ffff:127.0.0.1", "127.0.0.1")]
    [InlineData("127.0.0.2", "127.0.0.1")]
    public void Loopback_requests_need_no_login_anywhere(string address, string host)
    {
        foreach (var path in new[] { "/", "/events/e1", "/api/events", "/hangfire", "/reprocess" })
        {
            var context = Request(IPAddress.Parse(address), path, host: host);

            Assert.Equal(AccessVerdict.Allow, AccessGate.Decide(context, Closed).Verdict);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/overview")]
    [InlineData("/hangfire")]
    [InlineData("/login")]
    public void Remote_dashboard_is_refused_with_a_reason_when_no_password_is_configured(string path)
    {
        var decision = AccessGate.Decide(Request(Remote, path), Closed);

        Assert.Equal(AccessVerdict.Disabled, decision.Verdict);
        Assert.Contains("Dashboard:AdminPassword", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remote_api_is_refused_with_a_reason_when_no_key_is_configured()
    {
        var decision = AccessGate.Decide(Request(Remote, "/api/events", apiKey: "anything"), Closed);

        Assert.Equal(AccessVerdict.Disabled, decision.Verdict);
        Assert.Contains("Api:Key", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Health_and_the_stylesheet_stay_open_to_everyone()
    {
        Assert.Equal(AccessVerdict.Allow, AccessGate.Decide(Request(Remote, "/health"), Closed).Verdict);
        Assert.Equal(AccessVerdict.Allow, AccessGate.Decide(Request(Remote, "/css/dashboard.css"), Closed).Verdict);
    }

    [Fact]
    public void Remote_browser_is_sent_to_sign_in_and_a_remote_post_is_unauthorized()
    {
        Assert.Equal(AccessVerdict.SignIn, AccessGate.Decide(Request(Remote, "/events/e1"), Open).Verdict);
        Assert.Equal(AccessVerdict.SignIn, AccessGate.Decide(Request(Remote, "/hangfire"), Open).Verdict);
        Assert.Equal(AccessVerdict.Unauthorized, AccessGate.Decide(Request(Remote, "/reprocess", method: "POST"), Open).Verdict);
        Assert.Equal(AccessVerdict.Allow, AccessGate.Decide(Request(Remote, "/login"), Open).Verdict);
        Assert.Equal(AccessVerdict.Allow, AccessGate.Decide(Request(Remote, "/login", method: "POST"), Open).Verdict);
    }

    [Fact]
    public void Signed_in_administrator_is_allowed_but_another_scheme_is_not()
    {
        Assert.Equal(AccessVerdict.Allow, AccessGate.Decide(Request(Remote, "/overview", signedIn: AdminSignIn.Scheme), Open).Verdict);
        Assert.Equal(AccessVerdict.Allow, AccessGate.Decide(Request(Remote, "/reprocess", method: "POST", signedIn: AdminSignIn.Scheme), Open).Verdict);
        Assert.Equal(AccessVerdict.SignIn, AccessGate.Decide(Request(Remote, "/overview", signedIn: "SomethingElse"), Open).Verdict);
    }

    [Fact]
    public void Remote_api_needs_the_right_key_and_ignores_the_dashboard_cookie()
    {
        Assert.Equal(AccessVerdict.Allow, AccessGate.Decide(Request(Remote, "/api/events", apiKey: "key-123"), Open).Verdict);
        Assert.Equal(AccessVerdict.Unauthorized, AccessGate.Decide(Request(Remote, "/api/events", apiKey: "key-124"), Open).Verdict);
        Assert.Equal(AccessVerdict.Unauthorized, AccessGate.Decide(Request(Remote, "/api/events"), Open).Verdict);
        Assert.Equal(AccessVerdict.Unauthorized, AccessGate.Decide(Request(Remote, "/api/reprocess", method: "POST", signedIn: AdminSignIn.Scheme), Open).Verdict);
    }

    [Theory]
    [InlineData("rebound.example")]
    [InlineData("127.0.0.1.nip.example")]
    [InlineData("10.0.0.5")]
    public void A_loopback_peer_naming_another_host_is_remote(string host)
    {
        var decision = AccessGate.Decide(Request(IPAddress.Loopback, "/", host: host), Closed);

        Assert.Equal(AccessVerdict.Disabled, decision.Verdict);
    }

    [Fact]
    public void A_request_without_a_peer_address_is_not_local()
    {
        var context = Request(null, "/");

        Assert.Equal(AccessVerdict.Disabled, AccessGate.Decide(context, Closed).Verdict);
    }

    [Fact]
    public async Task Middleware_redirects_to_sign_in_and_explains_refusals()
    {
        var reached = false;
        var gate = new AccessGateMiddleware(_ => { reached = true; return Task.CompletedTask; }, Open);

        var browse = Request(Remote, "/actors/Nadia Orlov", query: "?x=1");
        await gate.InvokeAsync(browse);
        Assert.Equal(StatusCodes.Status302Found, browse.Response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Factors%2FNadia%2520Orlov%3Fx%3D1", browse.Response.Headers.Location.ToString());

        var closed = new AccessGateMiddleware(_ => { reached = true; return Task.CompletedTask; }, Closed);
        var refused = Request(Remote, "/");
        refused.Response.Body = new MemoryStream();
        await closed.InvokeAsync(refused);
        Assert.Equal(StatusCodes.Status403Forbidden, refused.Response.StatusCode);
        refused.Response.Body.Position = 0;
        Assert.Contains("Remote access to the dashboard is disabled", await new StreamReader(refused.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);

        var api = Request(Remote, "/api/events");
        api.Response.Body = new MemoryStream();
        await closed.InvokeAsync(api);
        Assert.Equal(StatusCodes.Status403Forbidden, api.Response.StatusCode);
        Assert.StartsWith("application/json", api.Response.ContentType, StringComparison.Ordinal);

        Assert.False(reached);
        var local = Request(IPAddress.Loopback, "/");
        await closed.InvokeAsync(local);
        Assert.True(reached);
    }

    [Fact]
    public void Hangfire_dashboard_filter_asks_the_same_rule()
    {
        using var storage = new InMemoryStorage();
        var filter = new HangfireDashboardAccessFilter(Open);
        bool Authorize(HttpContext http) =>
            filter.Authorize(new AspNetCoreDashboardContext(storage, new DashboardOptions(), http));

        // Inside Hangfire's branch the mount point is PathBase.
        Assert.True(Authorize(Request(IPAddress.Loopback, "/", pathBase: "/hangfire")));
        Assert.False(Authorize(Request(Remote, "/", pathBase: "/hangfire")));
        Assert.False(Authorize(Request(Remote, "/jobs/enqueued", pathBase: "/hangfire", signedIn: "SomethingElse")));
        Assert.True(Authorize(Request(Remote, "/jobs/enqueued", pathBase: "/hangfire", signedIn: AdminSignIn.Scheme)));
        Assert.False(new HangfireDashboardAccessFilter(Closed).Authorize(new AspNetCoreDashboardContext(storage, new DashboardOptions(), Request(Remote, "/", pathBase: "/hangfire", signedIn: AdminSignIn.Scheme))));
    }

    [Fact]
    public void Secrets_compare_whole()
    {
        Assert.True(SecretComparer.Matches("key-123", "key-123"));
        Assert.False(SecretComparer.Matches("key-12", "key-123"));
        Assert.False(SecretComparer.Matches("", ""));
        Assert.False(SecretComparer.Matches(null, "key-123"));
    }

    private static DefaultHttpContext Request(
        IPAddress? address,
        string path,
        string method = "GET",
        string host = "127.0.0.1:5080",
        string? apiKey = null,
        string? signedIn = null,
        string pathBase = "",
        string query = "")
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Connection.RemoteIpAddress = address;
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.PathBase = pathBase;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        context.Request.Host = new HostString(address is null || IPAddress.IsLoopback(address) ? host : "dashboard.example");
        if (apiKey is not null)
        {
            context.Request.Headers[AccessGate.ApiKeyHeader] = apiKey;
        }

        if (signedIn is not null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin")], signedIn));
        }

        return context;
    }
}
