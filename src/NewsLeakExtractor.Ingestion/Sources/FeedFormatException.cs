using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>
/// The document was fetched but is no feed, sitemap or URL list (an HTML page, broken XML, an unexpected root).
/// Permanent until the source's configuration changes, so it is never retried.
/// </summary>
public sealed class FeedFormatException : FetchException
{
    public FeedFormatException(Uri documentUrl, string reason, Exception? inner = null)
        : base(FailureReason.UnsupportedContent, $"not a usable feed: {reason} ({documentUrl})", inner)
    {
        DocumentUrl = documentUrl;
        Detail = reason;
    }

    public Uri DocumentUrl { get; }

    /// <summary>The one-line reason, without the URL.</summary>
    public string Detail { get; }
}
