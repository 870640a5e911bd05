using System.CommandLine;
using NewsLeakExtractor.Cli.Hosting;

namespace NewsLeakExtractor.Cli.Commands;

/// <summary><c>serve</c> (also the default with no arguments): the background service, its API and dashboards.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on (default {ServiceHost.DefaultUrl})." };
        var command = new Command(
            "serve",
            "Run the ingestion service: Hangfire jobs poll the sources in pipelines/, fetch, extract and store; the API and dashboards listen on --urls. "
            + "Any other configuration key can be given as --Section:Key=value (e.g. --Storage:Provider=postgres).")
        {
            urls,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
        {
            // Everything after "serve" is standard .NET configuration, so --urls and --Storage:Provider=... reach the host as given.
            var hostArgs = parse.Tokens.Select(token => token.Value).SkipWhile(value => value == "serve").ToArray();
            return ServiceHost.RunAsync(hostArgs, cancellationToken);
        });
        return command;
    }
}
