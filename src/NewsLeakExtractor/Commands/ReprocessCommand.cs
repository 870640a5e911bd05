using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsLeakExtractor.Cli.Api;
using NewsLeakExtractor.Ingestion.Ingest;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Cli.Commands;

/// <summary><c>reprocess</c>: one URL through the whole chain now, or every stored article re-extracted, against the configured store.</summary>
public static class ReprocessCommand
{
    public static Command Create()
    {
        var url = new Argument<string?>("url") { Description = "The article URL to fetch and extract again.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Re-extract every stored article from its stored text (after a model change), without fetching." };
        var command = new Command(
            "reprocess",
            "Fetch and extract one URL now and replace its stored events (prints the article and events as JSON), or --all to re-extract the store. "
            + "Uses the service's configuration (appsettings.json, environment, --Section:Key=value).")
        {
            url, all,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
        {
            var configArgs = parse.UnmatchedTokens.ToArray();
            return parse.GetValue(all)
                ? RunAllAsync(configArgs, cancellationToken)
                : RunOneAsync(parse.GetValue(url), configArgs, cancellationToken);
        });
        return command;
    }

    private static IHost BuildHost(string[] configArgs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configArgs, ContentRootPath = AppContext.BaseDirectory });
        // stdout carries the JSON result; logs go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddNewsLeakService(builder.Configuration, runJobs: false);
        return builder.Build();
    }

    private static async Task<int> RunOneAsync(string? input, string[] configArgs, CancellationToken cancellationToken)
    {
        if (ManualReprocessor.ParseUrl(input, out var error) is not { } url)
        {
            await Console.Error.WriteLineAsync($"error: {error} (give a URL, or --all)");
            return 2;
        }

        using var host = BuildHost(configArgs);
        await host.Services.GetRequiredService<IArticleStore>().MigrateAsync(cancellationToken);
        var result = await host.Services.GetRequiredService<ManualReprocessor>().ReprocessAsync(url, cancellationToken);
        var options = new JsonSerializerOptions { WriteIndented = true };
        ApiJson.Configure(options);
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(ApiEndpoints.ReprocessJson(result), options));
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"error: {url}: {result.Outcome.Reason}: {result.Outcome.Message}");
            return 1;
        }

        return 0;
    }

    private static async Task<int> RunAllAsync(string[] configArgs, CancellationToken cancellationToken)
    {
        using var host = BuildHost(configArgs);
        await host.Services.GetRequiredService<IArticleStore>().MigrateAsync(cancellationToken);
        var progress = new Progress<IngestOutcome>(outcome =>
        {
            if (outcome.Status == IngestStatus.Failed)
            {
                Console.Error.WriteLine($"error: {outcome.Url}: {outcome.Reason}: {outcome.Message}");
            }
        });
        var result = await host.Services.GetRequiredService<ManualReprocessor>().ReprocessAllAsync(progress, cancellationToken);
        await Console.Out.WriteLineAsync(
            $"re-extracted {result.Extracted} of {result.Articles} stored articles ({result.Events} events, {result.Failed} failed) in {result.Elapsed.TotalSeconds:0.0} s");
        return result.Failed == 0 ? 0 : 1;
    }
}
