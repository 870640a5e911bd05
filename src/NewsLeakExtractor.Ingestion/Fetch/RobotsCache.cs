using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>
/// Answers "may this URL be fetched?" from each site's robots.txt, fetched once per site (scheme and authority) and
/// kept for <see cref="ServiceFetchOptions.RobotsCacheDuration"/>. Concurrent callers share one download.
/// </summary>
internal sealed class RobotsCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsVerdict>>> _verdicts = new(StringComparer.OrdinalIgnoreCase);
    private readonly RobotsTxtLoader _loader;
    private readonly HostThrottle _throttle;
    private readonly ServiceFetchOptions _options;
    private readonly TimeProvider _time;

    public RobotsCache(RobotsTxtLoader loader, HostThrottle throttle, IOptions<ServiceFetchOptions> options, TimeProvider time)
    {
        _loader = loader;
        _throttle = throttle;
        _options = options.Value;
        _time = time;
    }

    /// <exception cref="FetchException">
    /// <see cref="FailureReason.RobotsDisallowed"/> when the rules forbid the URL; a transient failure while the
    /// site's robots.txt cannot be read; <see cref="FailureReason.Refused"/> when the address policy forbids the host.
    /// </exception>
    public async Task EnsureAllowedAsync(Uri url, HttpClient client, bool allowPrivateNetworks, CancellationToken ct)
    {
        var verdict = await VerdictAsync(url, client, allowPrivateNetworks, ct);
        if (verdict.Unavailable is { } unavailable)
        {
            throw new FetchException(unavailable.Reason, unavailable.Message) { StatusCode = unavailable.StatusCode };
        }

        if (!verdict.Rules!.IsAllowed(url.PathAndQuery))
        {
            throw new FetchException(FailureReason.RobotsDisallowed,
                $"robots.txt of {Site(url)} disallows {url.PathAndQuery} for {ServiceFetchOptions.ProductToken}");
        }
    }

    private async Task<RobotsVerdict> VerdictAsync(Uri url, HttpClient client, bool allowPrivateNetworks, CancellationToken ct)
    {
        var site = Site(url);
        while (true)
        {
            var entry = _verdicts.GetOrAdd(site, _ => new Lazy<Task<RobotsVerdict>>(() => LoadAsync(new Uri(site), url.IdnHost, client, allowPrivateNetworks)));
            RobotsVerdict verdict;
            try
            {
                verdict = await entry.Value.WaitAsync(ct);
            }
            catch (Exception) when (entry.Value.IsFaulted)
            {
                // A refused host is not cached: another caller may be allowed private networks.
                _verdicts.TryRemove(KeyValuePair.Create(site, entry));
                throw;
            }

            if (verdict.ExpiresAt > _time.GetUtcNow())
            {
                return verdict;
            }

            _verdicts.TryRemove(KeyValuePair.Create(site, entry));
        }
    }

    /// <summary>Runs detached from any one caller's token: the download is shared, and bounded by the fetch timeouts.</summary>
    private async Task<RobotsVerdict> LoadAsync(Uri site, string host, HttpClient client, bool allowPrivateNetworks)
    {
        var verdict = await _loader.LoadAsync(site, client, allowPrivateNetworks, CancellationToken.None);
        if (verdict.Rules?.CrawlDelay is { } crawlDelay)
        {
            _throttle.RaiseDelay(host, crawlDelay < _options.MaxCrawlDelay ? crawlDelay : _options.MaxCrawlDelay);
        }

        return verdict;
    }

    private static string Site(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}
