using System.Globalization;
using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>
/// Reads a file: URL (the offline demo feed and the articles it lists) with the same size cap, content checks and
/// conditional-GET behaviour as the web, so local sources run through the same pipeline.
/// </summary>
internal sealed class LocalFileFetcher
{
    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".xhtml"] = "application/xhtml+xml",
        [".xml"] = "application/xml",
        [".rss"] = "application/rss+xml",
        [".atom"] = "application/atom+xml",
        [".txt"] = "text/plain",
    };

    public async Task<PoliteFetchResponse> ReadAsync(PoliteFetchRequest request, long maxBytes, CancellationToken ct)
    {
        var url = request.Url;
        var file = new FileInfo(url.LocalPath);
        if (!file.Exists)
        {
            throw new FetchException(FailureReason.NotFound, $"no such file: {url.LocalPath}") { StatusCode = 404 };
        }

        if (!MediaTypes.TryGetValue(file.Extension, out var mediaType))
        {
            throw new FetchException(FailureReason.UnsupportedContent, $"unsupported file type '{file.Extension}' (expected .html, .xml, .rss, .atom or .txt): {url.LocalPath}");
        }

        ContentPolicy.EnsureAcceptableType(mediaType, request.ExpectFeed, url);

        // Validators as a web server would make them, so a scheduled run of an unchanged demo feed is a 304.
        var lastModified = file.LastWriteTimeUtc.ToString("R", CultureInfo.InvariantCulture);
        var etag = $"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\"";
        if (request.ETag == etag || (request.ETag is null && request.LastModified == lastModified))
        {
            return new PoliteFetchResponse(url, url, null, NotModified: true, etag, lastModified, 304);
        }

        if (file.Length > maxBytes)
        {
            throw new FetchException(FailureReason.TooLarge, $"file of {file.Length:N0} bytes exceeds the {maxBytes:N0}-byte cap: {url.LocalPath}");
        }

        await using var stream = file.OpenRead();
        var bytes = await HttpPageFetcher.ReadCappedAsync(stream, maxBytes, url, ct);
        ContentPolicy.EnsureNotBinary(bytes, url);
        return new PoliteFetchResponse(url, url, new RawDocument(url, bytes, mediaType, null), NotModified: false, etag, lastModified, 200);
    }
}
