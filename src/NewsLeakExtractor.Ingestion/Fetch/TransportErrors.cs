using System.Net.Sockets;
using NewsLeakExtractor.Fetch;
using Polly.Timeout;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>Turns what HttpClient and the retry pipeline throw into the fetch failures the rest of the service records.</summary>
internal static class TransportErrors
{
    /// <summary>The refusal raised in the connection callback, if it is somewhere in the exception chain.</summary>
    public static PrivateAddressException? RefusalIn(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PrivateAddressException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    /// <summary>The failure for <paramref name="exception"/>, or null when it is not a transport error (the caller rethrows).</summary>
    public static FetchException? Translate(Exception exception, Uri url, TimeSpan timeout, CancellationToken callerToken)
    {
        if (RefusalIn(exception) is { } refusal)
        {
            return AddressPolicy.Refusal(refusal.Host, refusal.Address, exception);
        }

        return exception switch
        {
            FetchException => null,
            TimeoutRejectedException => new FetchException(FailureReason.Timeout, $"timed out after {timeout.TotalSeconds:0.###} s fetching {url}", exception),
            OperationCanceledException when !callerToken.IsCancellationRequested =>
                new FetchException(FailureReason.Timeout, $"timed out after {timeout.TotalSeconds:0.###} s fetching {url}", exception),
            HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } } =>
                new FetchException(FailureReason.Network, $"network error fetching {url}: host not found", exception),
            HttpRequestException => new FetchException(FailureReason.Network, $"network error fetching {url}: {exception.Message}", exception),
            IOException => new FetchException(FailureReason.Network, $"network error: connection lost while reading {url}: {exception.Message}", exception),
            SocketException => new FetchException(FailureReason.Network, $"network error fetching {url}: {exception.Message}", exception),
            _ => null,
        };
    }
}
