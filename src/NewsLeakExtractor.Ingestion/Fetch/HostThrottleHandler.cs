using System.Net;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>
/// Puts every attempt (retries included, since it sits inside the retry handler) through the <see cref="HostThrottle"/>,
/// and keeps the host's slot until the response body is disposed: a request is in flight while its body streams.
/// </summary>
internal sealed class HostThrottleHandler : DelegatingHandler
{
    private readonly HostThrottle _throttle;

    public HostThrottleHandler(HostThrottle throttle) => _throttle = throttle;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var lease = await _throttle.EnterAsync(request.RequestUri!.IdnHost, cancellationToken);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            response.Content = new LeasedContent(response.Content, lease);
            return response;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>The response body unchanged, releasing the host slot when it is disposed.</summary>
    private sealed class LeasedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly IDisposable _lease;

        public LeasedContent(HttpContent inner, IDisposable lease)
        {
            _inner = inner;
            _lease = lease;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            _inner.CopyToAsync(stream, cancellationToken);

        protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => _inner.ReadAsStreamAsync(cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false; // the copied Content-Length header, when there is one, already says it
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                _lease.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
