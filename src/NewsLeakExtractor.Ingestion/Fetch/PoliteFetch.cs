using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>One request of the service's fetcher; validators from the last fetch make it a conditional GET.</summary>
public sealed record PoliteFetchRequest(Uri Url)
{
    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Private, loopback and link-local addresses are refused unless this (or the configuration) allows them.</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>Feeds and sitemaps are XML or plain text; articles are HTML.</summary>
    public bool ExpectFeed { get; init; }
}

/// <summary>What came back: the document, or <see cref="NotModified"/> when the validators still hold.</summary>
public sealed record PoliteFetchResponse(Uri RequestedUrl, Uri FinalUrl, RawDocument? Document, bool NotModified, string? ETag, string? LastModified, int StatusCode);
