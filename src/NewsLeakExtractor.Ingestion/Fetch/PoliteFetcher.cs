using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>
/// The service's fetcher: one GET that respects the site (robots.txt, per-host concurrency and spacing, conditional
/// requests) and protects the service (private addresses refused, size and time caps, content checks). Redirects are
/// followed here, one hop at a time, so every hop passes the same checks. file: URLs read a local file (the offline demo).
/// </summary>
public sealed class PoliteFetcher
{
    private const string FeedAccept = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";
    private const string ArticleAccept = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";

    private readonly IHttpClientFactory _clients;
    private readonly RobotsCache _robots;
    private readonly LocalFileFetcher _files;
    private readonly ServiceFetchOptions _options;

    internal PoliteFetcher(IHttpClientFactory clients, RobotsCache robots, LocalFileFetcher files, IOptions<ServiceFetchOptions> options)
    {
        _clients = clients;
        _robots = robots;
        _files = files;
        _options = options.Value;
    }

    /// <exception cref="FetchException">Every failure, with its reason, status code and whether it is transient.</exception>
    public async Task<PoliteFetchResponse> FetchAsync(PoliteFetchRequest request, CancellationToken ct)
    {
        if (request.Url.IsFile)
        {
            return await _files.ReadAsync(request, _options.MaxBytes, ct);
        }

        EnsureWebScheme(request.Url, request.Url);
        var allowPrivate = request.AllowPrivateNetworks || _options.AllowPrivateNetworks;
        var client = _clients.CreateClient(allowPrivate ? PoliteHttpClients.PrivateNetworks : PoliteHttpClients.PublicOnly);
        var url = request.Url;
        var visited = new List<Uri> { url };
        for (var redirects = 0; ; redirects++)
        {
            AddressPolicy.EnsureLiteralAllowed(url, allowPrivate);
            await _robots.EnsureAllowedAsync(url, client, allowPrivate, ct);
            using var response = await SendAsync(client, request, url, ct);
            if (RedirectTarget(response, url) is not { } next)
            {
                return await ReadAsync(request, url, response, ct);
            }

            EnsureWebScheme(next, url);
            if (visited.Contains(next))
            {
                throw new FetchException(FailureReason.HttpStatus,
                    $"redirect loop: {string.Join(" -> ", visited.Append(next))}") { StatusCode = (int)response.StatusCode };
            }

            if (redirects >= _options.MaxRedirects)
            {
                throw new FetchException(FailureReason.HttpStatus,
                    $"too many redirects (more than {_options.MaxRedirects}) starting at {request.Url}") { StatusCode = (int)response.StatusCode };
            }

            visited.Add(next);
            url = next;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, PoliteFetchRequest request, Uri url, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.Remove("User-Agent");
        message.Headers.TryAddWithoutValidation("User-Agent", request.Headers.TryGetValue("User-Agent", out var agent) ? agent : _options.UserAgent);
        if (!request.Headers.ContainsKey("Accept"))
        {
            message.Headers.TryAddWithoutValidation("Accept", request.ExpectFeed ? FeedAccept : ArticleAccept);
        }

        if (request.ETag is { Length: > 0 } etag)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (request.LastModified is { Length: > 0 } lastModified)
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        try
        {
            return await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (Exception e) when (TransportErrors.Translate(e, url, _options.Timeout, ct) is { } failure)
        {
            throw failure;
        }
    }

    private async Task<PoliteFetchResponse> ReadAsync(PoliteFetchRequest request, Uri url, HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new PoliteFetchResponse(request.Url, url, null, NotModified: true, etag ?? request.ETag, lastModified ?? request.LastModified, status);
        }

        if (!response.IsSuccessStatusCode)
        {
            var reason = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone ? FailureReason.NotFound : FailureReason.HttpStatus;
            throw new FetchException(reason, $"HTTP {status} {response.ReasonPhrase} from {url}") { StatusCode = status };
        }

        var contentType = response.Content.Headers.ContentType;
        var mediaType = contentType?.MediaType ?? (request.ExpectFeed ? "application/xml" : "text/html");
        ContentPolicy.EnsureAcceptableType(mediaType, request.ExpectFeed, url);
        if (response.Content.Headers.ContentLength is long declared && declared > _options.MaxBytes)
        {
            throw new FetchException(FailureReason.TooLarge, $"response of {declared:N0} bytes exceeds the {_options.MaxBytes:N0}-byte cap ({url})") { StatusCode = status };
        }

        // The retry pipeline's timeout covers the headers; the body gets its own limit, so a trickling server is caught too.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        byte[] body;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            body = await HttpPageFetcher.ReadCappedAsync(stream, _options.MaxBytes, url, timeout.Token);
        }
        catch (Exception e) when (TransportErrors.Translate(e, url, _options.Timeout, ct) is { } failure)
        {
            throw failure;
        }

        ContentPolicy.EnsureNotBinary(body, url);
        var document = new RawDocument(url, body, mediaType, Charset(contentType));
        return new PoliteFetchResponse(request.Url, url, document, NotModified: false, etag, lastModified, status);
    }

    private static Uri? RedirectTarget(HttpResponseMessage response, Uri current)
    {
        var status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
        {
            return null;
        }

        return Uri.TryCreate(current, location, out var next) ? next : null;
    }

    private static void EnsureWebScheme(Uri url, Uri from)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchException(FailureReason.Refused, url == from
                ? $"refused: only http(s) and local file URLs are fetched ({url})"
                : $"refused: {from} redirects to a non-web URL ({url})");
        }
    }

    private static string? Charset(MediaTypeHeaderValue? contentType) =>
        contentType?.CharSet?.Trim('"', '\'', ' ') is { Length: > 0 } charset ? charset : null;
}
