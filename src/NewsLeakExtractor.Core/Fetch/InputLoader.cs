using System.IO.Compression;

namespace NewsLeakExtractor.Fetch;

/// <summary>Turns a command-line input (a file path or an http(s) URL) into a <see cref="RawDocument"/>.</summary>
public sealed class InputLoader
{
    private readonly HttpPageFetcher _fetcher;
    private readonly FetchOptions _options;

    public InputLoader(HttpPageFetcher fetcher, FetchOptions options)
    {
        _fetcher = fetcher;
        _options = options;
    }

    public static bool IsUrl(string input) =>
        Uri.TryCreate(input, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public Task<RawDocument> LoadAsync(string input, CancellationToken cancellationToken) =>
        IsUrl(input) ? _fetcher.FetchAsync(new Uri(input), cancellationToken) : LoadFileAsync(input, cancellationToken);

    /// <summary>The output name of an input: its file name without any extensions (<c>abc.html.gz</c> gives <c>abc</c>).</summary>
    public static string OutputNameOf(string input)
    {
        var name = IsUrl(input) ? new Uri(input).Segments[^1].Trim('/') : Path.GetFileName(input);
        if (name.Length == 0)
        {
            name = IsUrl(input) ? new Uri(input).Host : "input";
        }

        var dot = name.IndexOf('.', 1);
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>
    /// A truncated .gz inflates without error to half a page; the trailer's length field (the uncompressed size
    /// modulo 2^32) tells a complete file from a cut one.
    /// </summary>
    private static void EnsureCompleteGzip(FileStream stream, int inflatedLength, string path)
    {
        Span<byte> trailer = stackalloc byte[4];
        stream.Seek(-4, SeekOrigin.End);
        stream.ReadExactly(trailer);
        if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer) != (uint)inflatedLength)
        {
            throw new FetchException(FailureReason.Undecodable, $"truncated or corrupt gzip file: {path}");
        }
    }

    private async Task<RawDocument> LoadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new FetchException(FailureReason.NotFound, "empty input: expected a file path or an http(s) URL");
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FetchException(FailureReason.NotFound, $"no such file: {path}");
        }

        var lower = file.Name.ToLowerInvariant();
        var gzipped = lower.EndsWith(".gz", StringComparison.Ordinal);
        var inner = gzipped ? lower[..^3] : lower;
        var mediaType = inner.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain"
            : inner.EndsWith(".html", StringComparison.Ordinal) || inner.EndsWith(".htm", StringComparison.Ordinal) || inner.EndsWith(".xhtml", StringComparison.Ordinal) ? "text/html"
            : throw new FetchException(FailureReason.UnsupportedContent, $"unsupported input type (expected .html, .htm, .html.gz or .txt): {path}");

        if (!gzipped && file.Length > _options.MaxBytes)
        {
            throw new FetchException(FailureReason.TooLarge, $"file of {file.Length:N0} bytes exceeds the {_options.MaxBytes:N0}-byte cap: {path}");
        }

        var source = new Uri(file.FullName);
        await using var stream = file.OpenRead();
        try
        {
            if (gzipped)
            {
                byte[] content;
                await using (var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true))
                {
                    content = await HttpPageFetcher.ReadCappedAsync(gzip, _options.MaxBytes, source, cancellationToken);
                }

                EnsureCompleteGzip(stream, content.Length, path);
                return new RawDocument(source, content, mediaType, null);
            }

            return new RawDocument(source, await HttpPageFetcher.ReadCappedAsync(stream, _options.MaxBytes, source, cancellationToken), mediaType, null);
        }
        catch (InvalidDataException e)
        {
            throw new FetchException(FailureReason.Undecodable, $"not a valid gzip file: {path}", e);
        }
    }
}
