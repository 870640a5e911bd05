namespace NewsLeakExtractor.Fetch;

public sealed record FetchOptions
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>Largest body accepted, after decompression.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    public string UserAgent { get; init; } =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 NewsLeakExtractor/0.1 (+https://github.com/newsleakextractor)";

    public int MaxRedirects { get; init; } = 5;
}
