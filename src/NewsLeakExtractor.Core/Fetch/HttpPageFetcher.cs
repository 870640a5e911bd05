using System.Net;
using System.Net.Http.Headers;

namespace NewsLeakExtractor.Fetch;

/// <summary>Fetches one page over HTTP(S) with a time limit, a size cap and a content-type check.</summary>
public sealed class HttpPageFetcher
{
    private readonly HttpClient _client;
    private readonly FetchOptions _options;

    public HttpPageFetcher(HttpClient client, FetchOptions options)
    {
        _client = client;
        _options = options;
    }

    /// <summary>A handler with decompression and a redirect limit, for callers that have no IHttpClientFactory.</summary>
    public static HttpClient CreateDefaultClient(FetchOptions options) => new(new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = options.MaxRedirects,
        ConnectTimeout = options.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan, // enforced per request below, so a slow body is caught too
    };

    public async Task<RawDocument> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd(_options.UserAgent);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5");
            request.Headers.AcceptLanguage.ParseAdd("en;q=1.0, *;q=0.5");

            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var code = (int)response.StatusCode;
                throw new FetchException(
                    response.StatusCode == HttpStatusCode.NotFound ? FailureReason.NotFound : FailureReason.HttpStatus,
                    $"HTTP {code} {response.ReasonPhrase} from {url}") { StatusCode = code };
            }

            var contentType = response.Content.Headers.ContentType;
            var mediaType = contentType?.MediaType ?? "text/html";
            if (!IsTextual(mediaType))
            {
                throw new FetchException(FailureReason.UnsupportedContent, $"unsupported content type '{mediaType}' from {url}");
            }

            if (response.Content.Headers.ContentLength is long declared && declared > _options.MaxBytes)
            {
                throw new FetchException(FailureReason.TooLarge, $"response of {declared:N0} bytes exceeds the {_options.MaxBytes:N0}-byte cap ({url})");
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var bytes = await ReadCappedAsync(body, _options.MaxBytes, url, timeout.Token);
            var finalUrl = response.RequestMessage?.RequestUri ?? url;
            return new RawDocument(finalUrl, bytes, mediaType, NormaliseCharset(contentType));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(FailureReason.Timeout, $"timed out after {_options.Timeout.TotalSeconds:0.#} s fetching {url}");
        }
        catch (HttpRequestException e)
        {
            throw new FetchException(FailureReason.Network, $"network error fetching {url}: {e.Message}", e);
        }
        catch (IOException e)
        {
            // A connection that drops while the body is read surfaces as an I/O error, not an HTTP one.
            throw new FetchException(FailureReason.Network, $"network error: connection lost while reading {url}: {e.Message}", e);
        }
    }

    public static bool IsTextual(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("html", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase);

    private static string? NormaliseCharset(MediaTypeHeaderValue? contentType) =>
        contentType?.CharSet?.Trim('"', '\'', ' ') is { Length: > 0 } charset ? charset : null;

    /// <summary>Reads at most <paramref name="maxBytes"/>; a larger body is refused rather than truncated, so no half article is stored.</summary>
    public static async Task<byte[]> ReadCappedAsync(Stream body, long maxBytes, Uri source, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FetchException(FailureReason.TooLarge, $"response exceeds the {maxBytes:N0}-byte cap ({source})");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
