using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsLeakExtractor.Cli.Api;
using NewsLeakExtractor.Cli.Dashboard;

namespace NewsLeakExtractor.Cli.Hosting;

/// <summary>The service process: the job server, the API, the dashboard and Hangfire's dashboard in one ASP.NET Core host.</summary>
public static class ServiceHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the host from standard configuration: appsettings.json, environment variables (<c>Storage__Provider</c>), then arguments.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json ships beside the binary; relative data and pipeline paths stay relative to where it is run.
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddNewsLeakWebHost(builder.Configuration);
        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));

        var app = builder.Build();
        // First: the dashboard's security headers and access gate sit in front of the API and /hangfire too.
        app.MapDashboard();
        app.MapApi();
        // Hangfire asks the same access rule instead of its local-only default.
        app.UseHangfireDashboard("/hangfire", DashboardSetup.HangfireDashboardOptions(app.Services));
        return app;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var app = Build(args);
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
