using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>The names of the fetcher's two HTTP clients.</summary>
public static class PoliteHttpClients
{
    /// <summary>Refuses private addresses when connecting.</summary>
    public const string PublicOnly = "NewsLeakExtractor.PoliteFetch";

    /// <summary>
    /// For requests allowed to reach private networks. A separate client means separate connection pools, so a
    /// connection opened for an allowed request is never reused by one that is not.
    /// </summary>
    public const string PrivateNetworks = "NewsLeakExtractor.PoliteFetch.PrivateNetworks";
}

public static class FetchServiceCollectionExtensions
{
    /// <summary>Registers <see cref="PoliteFetcher"/> and what it needs, with options bound from the <c>Fetch</c> section.</summary>
    public static IServiceCollection AddPoliteFetcher(this IServiceCollection services, IConfiguration fetchSection)
    {
        services.AddOptions<ServiceFetchOptions>()
            .Bind(fetchSection)
            .Validate(options => options.Problem() is null, "invalid Fetch options (see ServiceFetchOptions.Problem)")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ServiceFetchOptions>>().Value;
            return new HostThrottle(options.PerHostConcurrency, options.PerHostDelay, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<RobotsTxtLoader>();
        services.TryAddSingleton<RobotsCache>();
        services.TryAddSingleton<LocalFileFetcher>();
        services.TryAddTransient<HostThrottleHandler>();
        services.TryAddSingleton(sp => new PoliteFetcher(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<RobotsCache>(),
            sp.GetRequiredService<LocalFileFetcher>(),
            sp.GetRequiredService<IOptions<ServiceFetchOptions>>()));

        AddClient(services, PoliteHttpClients.PublicOnly, allowPrivateNetworks: false);
        AddClient(services, PoliteHttpClients.PrivateNetworks, allowPrivateNetworks: true);
        return services;
    }

    private static void AddClient(IServiceCollection services, string name, bool allowPrivateNetworks)
    {
        var client = services.AddHttpClient(name, http => http.Timeout = Timeout.InfiniteTimeSpan); // the resilience pipeline times attempts
        client
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<ServiceFetchOptions>>().Value;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false, // followed by the fetcher, hop by hop, through robots and the address policy
                    AutomaticDecompression = DecompressionMethods.All,
                    ConnectTimeout = options.Timeout,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    UseProxy = false, // the address check must see the real destination, not a proxy
                    UseCookies = false,

                    // A body abandoned at the size cap must not be read on anyway just to reuse the connection.
                    MaxResponseDrainSize = 64 * 1024,
                    ResponseDrainTimeout = TimeSpan.FromMilliseconds(500),
                    ConnectCallback = new PrivateAddressGuard(allowPrivateNetworks || options.AllowPrivateNetworks).ConnectAsync,
                };
            })
            .AddResilienceHandler("polite-retry", (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ServiceFetchOptions>>().Value;
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<PoliteFetcher>();
                FetchResilience.Configure(builder, options, context.ServiceProvider.GetRequiredService<TimeProvider>(), logger);
            });

        // Added after the resilience handler, so it sits inside it: every retry waits its turn at the host too.
        client.AddHttpMessageHandler<HostThrottleHandler>();
    }
}
