using System.Net;
using Microsoft.AspNetCore.Http;

namespace NewsLeakExtractor.Cli.Security;

/// <summary>Whether a request comes from this machine, which is the one case that needs no sign-in.</summary>
public static class RequestOrigin
{
    /// <summary>
    /// Local means a loopback peer address <em>and</em> a loopback host name. The second half stops DNS rebinding: a page
    /// on an attacker's domain that resolves to 127.0.0.1 reaches us from loopback but names its own host.
    /// Forwarded headers are never consulted (a reverse proxy on this machine makes every request look local:
    /// give it its own authentication, or bind the service elsewhere).
    /// </summary>
    public static bool IsLocal(HttpContext context) =>
        IsLoopback(context.Connection.RemoteIpAddress) && IsLoopbackHost(context.Request.Host.Host);

    public static bool IsLoopback(IPAddress? address)
    {
        if (address is null)
        {
            // No peer (an in-process test server, a misconfigured transport): unknown is not local.
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address);
    }

    public static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            // HTTP/1.0 without a Host header: nothing was named, so nothing can have been rebound.
            return true;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsLoopback(address);
    }
}
