using NewsLeakExtractor.Clean;
using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>What bodies the service accepts: pages for articles, XML or text for feeds, and never binary data.</summary>
internal static class ContentPolicy
{
    /// <summary>
    /// Articles: HTML, XHTML or plain text. Feeds: any XML (RSS, Atom, sitemaps) or text (URL lists, and feeds served
    /// as text/html, which the feed reader then judges by their content). A missing type is judged by the bytes.
    /// </summary>
    public static void EnsureAcceptableType(string mediaType, bool expectFeed, Uri url)
    {
        var acceptable = expectFeed
            ? HttpPageFetcher.IsTextual(mediaType)
            : mediaType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
              || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)
              || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
        if (!acceptable)
        {
            throw new FetchException(FailureReason.UnsupportedContent,
                $"unsupported content type '{mediaType}' for {(expectFeed ? "a feed" : "an article")} from {url}");
        }
    }

    /// <summary>A server that labels an image or archive as text/html is caught by the bytes themselves.</summary>
    public static void EnsureNotBinary(ReadOnlySpan<byte> body, Uri url)
    {
        var utf16 = body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!utf16 && CharsetDecoder.LooksBinary(body))
        {
            throw new FetchException(FailureReason.Binary, $"binary content, not a text page: {url}");
        }
    }
}
