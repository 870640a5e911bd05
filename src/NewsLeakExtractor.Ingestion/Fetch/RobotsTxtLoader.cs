using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>What a site's robots.txt said, or why it could not be read, and until when that holds.</summary>
internal sealed record RobotsVerdict(RobotsRules? Rules, FetchException? Unavailable, DateTimeOffset ExpiresAt);

/// <summary>
/// Downloads and reads one site's robots.txt with RFC 9309's status rules: 2xx is parsed, 4xx means no rules,
/// 5xx, 429 and unreachable mean "disallow for now". Redirects are followed (five at most); a 500 KiB cap applies.
/// </summary>
internal sealed class RobotsTxtLoader
{
    private const int MaxRobotsBytes = 512 * 1024;
    private const int MaxRobotsRedirects = 5;

    private readonly ServiceFetchOptions _options;
    private readonly TimeProvider _time;

    public RobotsTxtLoader(IOptions<ServiceFetchOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
    }

    /// <exception cref="FetchException">Only <see cref="FailureReason.Refused"/>: the address policy forbids the host.</exception>
    public async Task<RobotsVerdict> LoadAsync(Uri site, HttpClient client, bool allowPrivateNetworks, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var url = new Uri(site, "/robots.txt");
        for (var hop = 0; hop <= MaxRobotsRedirects; hop++)
        {
            AddressPolicy.EnsureLiteralAllowed(url, allowPrivateNetworks);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            request.Headers.TryAddWithoutValidation("Accept", "text/plain,*/*;q=0.5");
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            }
            catch (Exception e) when (TransportErrors.Translate(e, url, _options.Timeout, ct) is { } failure)
            {
                if (failure.Reason == FailureReason.Refused)
                {
                    throw failure;
                }

                return Unavailable(site, failure.Reason, 0, failure.Message, now);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location && Uri.TryCreate(url, location, out var next)
                    && (next.Scheme == Uri.UriSchemeHttp || next.Scheme == Uri.UriSchemeHttps))
                {
                    url = next;
                    continue;
                }

                if (response.IsSuccessStatusCode)
                {
                    var text = await ReadPrefixAsync(response, url, ct);
                    if (text is null)
                    {
                        return Unavailable(site, FailureReason.Network, 0, "the connection was lost while reading it", now);
                    }

                    return new RobotsVerdict(RobotsRules.Parse(text, ServiceFetchOptions.ProductToken), null, now + _options.RobotsCacheDuration);
                }

                if (status == (int)HttpStatusCode.TooManyRequests || status >= 500)
                {
                    return Unavailable(site, FailureReason.HttpStatus, status, $"HTTP {status}", now);
                }

                // 4xx other than 429: the site has no rules for anyone.
                return new RobotsVerdict(RobotsRules.AllowAll, null, now + _options.RobotsCacheDuration);
            }
        }

        // RFC 9309: more than five redirects may be treated as an unavailable robots.txt, which allows everything.
        return new RobotsVerdict(RobotsRules.AllowAll, null, now + _options.RobotsCacheDuration);
    }

    /// <summary>
    /// A site whose robots.txt cannot be read is not fetched; the verdict is kept only briefly so the site is asked again soon.
    /// </summary>
    private RobotsVerdict Unavailable(Uri site, FailureReason reason, int status, string detail, DateTimeOffset now)
    {
        var failure = new FetchException(reason, $"robots.txt of {site} could not be read ({detail}); the site is not fetched until it can be (RFC 9309)")
        {
            StatusCode = status,
        };
        var retryAfter = _options.RobotsCacheDuration < TimeSpan.FromMinutes(1) ? _options.RobotsCacheDuration : TimeSpan.FromMinutes(1);
        return new RobotsVerdict(null, failure, now + retryAfter);
    }

    /// <summary>The first 512 KiB (RFC 9309 asks crawlers to parse at least 500 KiB); the rest is ignored, not refused.</summary>
    private async Task<string?> ReadPrefixAsync(HttpResponseMessage response, Uri url, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        var buffer = new byte[MaxRobotsBytes];
        var filled = 0;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            int read;
            while (filled < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(filled), timeout.Token)) > 0)
            {
                filled += read;
            }
        }
        catch (Exception e) when (TransportErrors.Translate(e, url, _options.Timeout, ct) is not null)
        {
            return null;
        }

        return Encoding.UTF8.GetString(buffer, 0, filled);
    }
}
