using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsLeakExtractor.Tests.Support;

/// <summary>The one way the tests stand up a real Kestrel server on 127.0.0.1 with a free port, and find and stop it.</summary>
internal static class Loopback
{
    /// <summary>A quiet, slim web application bound to 127.0.0.1:0; map its routes, then start it.</summary>
    public static WebApplication CreateSite()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    /// <summary>The started application's address, as http://127.0.0.1:port/.</summary>
    public static Uri BaseUriOf(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
        return uri.Host == "127.0.0.1" ? uri : throw new InvalidOperationException($"expected a loopback address, got {address}");
    }

    /// <summary>Stops within a few seconds (long requests are cut off) and releases the port.</summary>
    public static async Task StopAsync(WebApplication app)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }
}
