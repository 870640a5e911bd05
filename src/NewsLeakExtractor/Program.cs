using System.CommandLine;
using NewsLeakExtractor.Cli.Commands;

var root = new RootCommand("NewsLeakExtractor: turns news reports of leaks into structured, searchable records.")
{
    ExtractCommand.Create(),
    BenchCommand.Create(),
    TrainCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
