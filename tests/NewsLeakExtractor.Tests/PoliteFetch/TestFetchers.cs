using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Ingestion.Fetch;

namespace NewsLeakExtractor.Tests.PoliteFetch;

/// <summary>A fresh fetcher (own robots cache and host throttle) built through the real DI registration, with tiny delays.</summary>
internal sealed class TestFetcher : IDisposable
{
    private readonly ServiceProvider _services;

    private TestFetcher(ServiceProvider services)
    {
        _services = services;
        Fetcher = services.GetRequiredService<PoliteFetcher>();
        Throttle = services.GetRequiredService<HostThrottle>();
    }

    public HostThrottle Throttle { get; }

    public PoliteFetcher Fetcher { get; }

    /// <summary>Loopback allowed, 1 ms spacing and backoff, 5 s timeout, two retries; <paramref name="overrides"/> as "Key=value".</summary>
    public static TestFetcher Create(params string[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AllowPrivateNetworks"] = "true",
            ["PerHostDelay"] = "00:00:00.001",
            ["RetryBaseDelay"] = "00:00:00.001",
            ["Timeout"] = "00:00:05",
            ["RetryCount"] = "2",
            ["MaxBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var pair in overrides)
        {
            var parts = pair.Split('=', 2);
            settings[parts[0]] = parts[1];
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPoliteFetcher(configuration);
        return new TestFetcher(services.BuildServiceProvider());
    }

    public Task<PoliteFetchResponse> FetchAsync(Uri url, bool expectFeed = false, CancellationToken ct = default) =>
        Fetcher.FetchAsync(new PoliteFetchRequest(url) { ExpectFeed = expectFeed }, ct);

    public Task<PoliteFetchResponse> FetchAsync(PoliteFetchRequest request) => Fetcher.FetchAsync(request, CancellationToken.None);

    public void Dispose() => _services.Dispose();
}
