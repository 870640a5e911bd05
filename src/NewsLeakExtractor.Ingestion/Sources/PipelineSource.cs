namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>What kind of listing a source is; <see cref="Auto"/> sniffs the document.</summary>
public enum SourceKind
{
    Auto,
    Rss,
    Atom,
    Sitemap,
    NewsSitemap,
    UrlList,
}

/// <summary>
/// One source declared in <c>pipelines/*.json</c>: where to look for new articles, how often, and how many to take.
/// <see cref="Url"/> is an http(s) URL, or a path relative to the pipelines folder (a local demo feed).
/// </summary>
public sealed record PipelineSource
{
    /// <summary>Stable identifier, unique across all pipelines (<c>pipeline/source</c>).</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Pipeline { get; init; }

    public required Uri Url { get; init; }

    public SourceKind Kind { get; init; } = SourceKind.Auto;

    /// <summary>A five-field cron expression (UTC).</summary>
    public string Schedule { get; init; } = "*/15 * * * *";

    public bool Enabled { get; init; } = true;

    public int MaxArticlesPerRun { get; init; } = 50;

    /// <summary>ISO 639-1 codes to keep (empty: all); items and articles in other languages are recorded as skipped.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether this source's article links may point at private or loopback addresses (local demo and test feeds).</summary>
    public bool AllowPrivateNetworks { get; init; }
}

/// <summary>One entry of a feed, sitemap or URL list.</summary>
/// <remarks><see cref="Language"/> is the primary language subtag, lower-case (<c>en-GB</c> gives <c>en</c>).</remarks>
public sealed record FeedItem(Uri Url, string? Title, DateTimeOffset? PublishedAt, DateTimeOffset? UpdatedAt, string? Language)
{
    /// <summary>
    /// True for an entry of a sitemap index: <see cref="FeedItem.Url"/> is another sitemap for the caller to read
    /// (with <see cref="SourceKind.Auto"/>), not an article.
    /// </summary>
    public bool IsSitemap { get; init; }
}
