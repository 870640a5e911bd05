using System.CommandLine;
using NewsLeakExtractor.Cli.Commands;

var root = new RootCommand("NewsLeakExtractor: turns news reports of leaks into structured, searchable records. With no command, runs the service (serve).")
{
    ServeCommand.Create(),
    ExtractCommand.Create(),
    ReprocessCommand.Create(),
    BenchCommand.Create(),
    TrainCommand.Create(),
};

// No command, or only configuration (--urls ..., --Storage:Provider=...), means the service.
var startsWithCommand = args.Length > 0 && (root.Subcommands.Any(c => c.Name == args[0]) || args[0] is "-h" or "--help" or "-?" or "--version");
return await root.Parse(startsWithCommand ? args : ["serve", .. args]).InvokeAsync();
