using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>The <c>Fetch</c> configuration section: how the service's fetcher behaves towards the sites it reads.</summary>
public sealed record ServiceFetchOptions
{
    /// <summary>The product token robots.txt groups are matched against; it is also part of <see cref="UserAgent"/>.</summary>
    public const string ProductToken = "NewsLeakExtractor";

    /// <summary>Loopback, private, link-local and similar addresses are refused unless this is set (or the request allows them).</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>Browser-like, so sites serve their normal pages, and naming the product so operators can identify us.</summary>
    public string UserAgent { get; init; } = new FetchOptions().UserAgent;

    /// <summary>Time limit of one attempt to get the response headers, and separately of reading the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest body accepted, after decompression; a larger one is refused, never truncated.</summary>
    public long MaxBytes { get; init; } = FetchOptions.DefaultMaxBytes;

    public int MaxRedirects { get; init; } = 5;

    /// <summary>Requests in flight to one host at a time, across all callers.</summary>
    public int PerHostConcurrency { get; init; } = 2;

    /// <summary>Least time between the starts of two requests to one host; a robots.txt Crawl-delay can raise it.</summary>
    public TimeSpan PerHostDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A site's Crawl-delay is honoured up to this; beyond it a robots.txt could stall every worker.</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RobotsCacheDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Retries after the first attempt for timeouts, network errors, 5xx and 429; never for other 4xx.</summary>
    public int RetryCount { get; init; } = 3;

    /// <summary>First backoff delay; it doubles per retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A 429's Retry-After is honoured up to this; a longer one ends the retries (the next scheduled run tries again).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first problem of these options, or null when they are usable.</summary>
    public string? Problem() =>
        Timeout < TimeSpan.FromMilliseconds(10) ? "Fetch:Timeout must be at least 10 ms"
        : MaxBytes <= 0 ? "Fetch:MaxBytes must be positive"
        : MaxRedirects is < 0 or > 20 ? "Fetch:MaxRedirects must be from 0 to 20"
        : PerHostConcurrency < 1 ? "Fetch:PerHostConcurrency must be at least 1"
        : PerHostDelay < TimeSpan.Zero ? "Fetch:PerHostDelay may not be negative"
        : RetryCount is < 0 or > 10 ? "Fetch:RetryCount must be from 0 to 10"
        : RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromMinutes(5) ? "Fetch:RetryBaseDelay must be from 0 to 5 minutes"
        : string.IsNullOrWhiteSpace(UserAgent) || !UserAgent.Contains(ProductToken, StringComparison.Ordinal) ? $"Fetch:UserAgent must contain the product token {ProductToken}"
        : null;
}
