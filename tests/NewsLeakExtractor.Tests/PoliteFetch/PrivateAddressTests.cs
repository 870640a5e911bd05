using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Ingestion.Fetch;
using Xunit;

namespace NewsLeakExtractor.Tests.PoliteFetch;

/// <summary>The private-address guard: literal addresses refused before sending, host names refused at connect time.</summary>
public sealed class PrivateAddressTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static Task<PoliteSite> Site() => PoliteSite.StartAsync(app => app.MapGet("/story", (HttpContext c) => PoliteSite.Html(c)));

    [Fact]
    public async Task Loopback_is_refused_without_a_request_reaching_the_server()
    {
        await using var site = await Site();
        using var fetch = TestFetcher.Create("AllowPrivateNetworks=false");

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(site.Url("story")).WaitAsync(Limit));

        Assert.Equal(FailureReason.Refused, failure.Reason);
        Assert.False(failure.IsTransient);
        Assert.Contains("127.0.0.1", failure.Message, StringComparison.Ordinal);
        Assert.Empty(site.Requests);
    }

    [Theory]
    [InlineData("http://10.0.0.1/story")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("http://0.0.0.0/")]
    public async Task Private_literals_are_refused_at_once(string url)
    {
        using var fetch = TestFetcher.Create("AllowPrivateNetworks=false", "Timeout=00:00:10");
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(new Uri(url)).WaitAsync(Limit));

        Assert.Equal(FailureReason.Refused, failure.Reason);
        Assert.Contains("private", failure.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}: a connection was attempted");
    }

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_is_refused_when_connecting()
    {
        await using var site = await Site();
        using var fetch = TestFetcher.Create("AllowPrivateNetworks=false");

        var failure = await Assert.ThrowsAsync<FetchException>(() =>
            fetch.FetchAsync(new Uri($"http://localhost:{site.Port}/story")).WaitAsync(Limit));

        Assert.Equal(FailureReason.Refused, failure.Reason);
        Assert.Contains("localhost resolves to", failure.Message, StringComparison.Ordinal);
        Assert.Empty(site.Requests);
    }

    [Fact]
    public async Task The_request_can_allow_private_networks()
    {
        await using var site = await Site();
        using var fetch = TestFetcher.Create("AllowPrivateNetworks=false");

        var byAddress = await fetch.FetchAsync(new PoliteFetchRequest(site.Url("story")) { AllowPrivateNetworks = true }).WaitAsync(Limit);
        var byName = await fetch.FetchAsync(new PoliteFetchRequest(new Uri($"http://localhost:{site.Port}/story")) { AllowPrivateNetworks = true }).WaitAsync(Limit);

        Assert.Equal(200, byAddress.StatusCode);
        Assert.Equal(200, byName.StatusCode);
    }

    [Fact]
    public async Task A_connection_opened_for_an_allowed_request_is_not_reused_by_a_refused_one()
    {
        await using var site = await Site();
        using var fetch = TestFetcher.Create("AllowPrivateNetworks=false");
        var named = new Uri($"http://localhost:{site.Port}/story");

        await fetch.FetchAsync(new PoliteFetchRequest(named) { AllowPrivateNetworks = true }).WaitAsync(Limit);
        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(named).WaitAsync(Limit));

        Assert.Equal(FailureReason.Refused, failure.Reason);
        Assert.Equal(1, site.Count("/story"));
    }

    [Fact]
    public async Task The_configuration_can_allow_private_networks()
    {
        await using var site = await Site();
        using var fetch = TestFetcher.Create("AllowPrivateNetworks=true");

        var response = await fetch.FetchAsync(new Uri($"http://localhost:{site.Port}/story")).WaitAsync(Limit);

        Assert.Equal(200, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("10.20.30.40", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("100.127.255.255", true)]
    [InlineData("100.128.0.1", false)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("93.184.215.14", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("fdab:cdef::1", true)]
    [InlineData("ff02::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::ffff:169.254.169.254", true)]
    [InlineData("::ffff:8.8.8.8", false)]
    [InlineData("64:ff9b::a00:1", true)]
    [InlineData("2002:a00:1::1", true)]
    [InlineData("2606:4700:4700::1111", false)]
    [InlineData("2a00:1450:4001:80b::200e", false)]
    public void Address_classification(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, AddressPolicy.IsPrivate(IPAddress.Parse(address)));
}
