using System.Net;
using System.Net.Sockets;
using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>
/// Which addresses a fetch may reach. A feed is data from strangers: without this, one link to 169.254.169.254 or
/// 10.0.0.1 would make the service read cloud metadata or the internal network on the feed author's behalf.
/// </summary>
public static class AddressPolicy
{
    /// <summary>Loopback, RFC 1918, CGNAT, link-local, unique-local, unspecified, multicast, reserved, and IPv4 hidden in IPv6.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPrivate(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsPrivateIPv4(address.GetAddressBytes());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return true; // not an IP address we know how to judge
        }

        var bytes = address.GetAddressBytes();
        if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6Any.Equals(address)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (bytes[0] & 0xFE) == 0xFC) // fc00::/7 unique local
        {
            return true;
        }

        // IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that is what gets reached.
        if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPrivateIPv4(bytes.AsSpan(12));
        }

        if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPrivateIPv4(bytes.AsSpan(12));
        }

        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return IsPrivateIPv4(bytes.AsSpan(2, 4));
        }

        return false;
    }

    /// <summary>Refuses a URL whose host is a private IP literal before anything is sent; host names are checked when connecting.</summary>
    public static void EnsureLiteralAllowed(Uri url, bool allowPrivateNetworks)
    {
        if (!allowPrivateNetworks && IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal) && IsPrivate(literal))
        {
            throw Refusal(url.Host, literal);
        }
    }

    public static FetchException Refusal(string host, IPAddress address, Exception? inner = null) =>
        new(FailureReason.Refused, host.Trim('[', ']') == address.ToString()
            ? $"refused: {address} is a private, loopback or link-local address (AllowPrivateNetworks is off)"
            : $"refused: {host} resolves to {address}, a private, loopback or link-local address (AllowPrivateNetworks is off)", inner);

    private static bool IsPrivateIPv4(ReadOnlySpan<byte> b) =>
        b[0] == 0                                   // 0.0.0.0/8 "this network", including unspecified
        || b[0] == 10                               // 10/8
        || b[0] == 127                              // loopback
        || (b[0] == 100 && (b[1] & 0xC0) == 64)     // 100.64/10 carrier-grade NAT
        || (b[0] == 169 && b[1] == 254)             // link-local, cloud metadata
        || (b[0] == 172 && (b[1] & 0xF0) == 16)     // 172.16/12
        || (b[0] == 192 && b[1] == 168)             // 192.168/16
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)  // 192.0.0/24 protocol assignments
        || (b[0] == 198 && (b[1] & 0xFE) == 18)     // 198.18/15 benchmarking
        || b[0] >= 224;                             // multicast, reserved, broadcast
}
