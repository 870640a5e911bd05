using System.Net;
using System.Net.Sockets;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>Raised inside the connection callback when a host resolves to an address the policy refuses; nothing was connected.</summary>
public sealed class PrivateAddressException : Exception
{
    public PrivateAddressException(string host, IPAddress address)
        : base($"{host} resolves to the private address {address}")
    {
        Host = host;
        Address = address;
    }

    public string Host { get; }

    public IPAddress Address { get; }
}

/// <summary>
/// The connection step of the service's HTTP handler: resolves the host itself and refuses before connecting if ANY
/// resolved address is private. Checking at connect time (not only the URL) is what stops DNS names that point inward
/// and redirects to them; checking every address stops a name that mixes a public and a private answer.
/// </summary>
internal sealed class PrivateAddressGuard
{
    private readonly bool _allowPrivateNetworks;

    public PrivateAddressGuard(bool allowPrivateNetworks) => _allowPrivateNetworks = allowPrivateNetworks;

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (!_allowPrivateNetworks && addresses.FirstOrDefault(AddressPolicy.IsPrivate) is { } refused)
        {
            throw new PrivateAddressException(host, refused);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
