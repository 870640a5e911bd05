using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hangfire;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.WebEncoders;
using NewsLeakExtractor.Cli.Security;

namespace NewsLeakExtractor.Cli.Dashboard;

/// <summary>The dashboard's wiring: Razor Pages under Dashboard/Pages, the sign-in cookie, the access gate and the security headers.</summary>
public static class DashboardSetup
{
    public const string PagesRoot = "/Dashboard/Pages";

    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        var access = AccessOptions.FromConfiguration(configuration);
        services.AddSingleton(access);
        services.AddSingleton(new HangfireDashboardAccessFilter(access));

        services.AddRazorPages(options => options.RootDirectory = PagesRoot)
            // The host's application name is the entry assembly (a test runner, under test): name the pages' assembly outright.
            .AddApplicationPart(typeof(DashboardSetup).Assembly);
        // Encoding stays on for markup characters; letters of every script are written as themselves, not as entities.
        services.Configure<WebEncoderOptions>(encoder => encoder.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "nle.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
        });
        services.AddAuthentication(AdminSignIn.Scheme)
            .AddCookie(AdminSignIn.Scheme, cookie => AdminSignIn.Configure(cookie, access));
        services.AddAuthorization();
        return services;
    }

    /// <summary>
    /// Call before the API and Hangfire are mapped: the headers, static files, sign-in and access gate run in front of
    /// everything the host serves, pages, API and /hangfire alike.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        // The stylesheet ships inside the assembly, so the service serves it from wherever it is run (bin, publish, tests).
        var embedded = new EmbeddedFileProvider(typeof(DashboardSetup).Assembly, "NewsLeakExtractor.Cli.wwwroot");
        app.Environment.WebRootFileProvider = new CompositeFileProvider(embedded, app.Environment.WebRootFileProvider);

        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(context);
                // Server-Timing lets the browser's network panel (and the tests) see how long the server took for each page.
                context.Response.Headers["Server-Timing"] = $"app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}";
                return Task.CompletedTask;
            });
            await next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = app.Environment.WebRootFileProvider,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseAuthentication();
        app.UseMiddleware<AccessGateMiddleware>();
        app.UseAuthorization();

        app.MapRazorPages();
        return app;
    }

    /// <summary>Hangfire's dashboard options with the service's own access rule instead of Hangfire's local-only default.</summary>
    public static DashboardOptions HangfireDashboardOptions(IServiceProvider services) => new()
    {
        DashboardTitle = "NewsLeakExtractor jobs",
        AppPath = "/",
        Authorization = [services.GetRequiredService<HangfireDashboardAccessFilter>()],
    };

}
