using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Pipeline;
using Spectre.Console;

namespace NewsLeakExtractor.Cli.Commands;

/// <summary><c>extract</c>: run the pipeline over files or URLs and print or write the FORMAT.md documents.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files (.html, .htm, .html.gz, .txt) or http(s):// URLs.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<DirectoryInfo?>("--out", "-o")
        {
            Description = "Write DIR/<input name without extensions>.json for each input instead of printing to stdout.",
        };
        var parallelism = new Option<int>("--parallel", "-j")
        {
            Description = "Inputs processed at once (default: one per core).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("extract", "Extract the article and its leak events from each input, as JSON (shared/eval/FORMAT.md).")
        {
            inputs, outDir, parallelism,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(inputs)!, parse.GetValue(outDir), Math.Max(1, parse.GetValue(parallelism)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, DirectoryInfo? outDir, int parallelism, CancellationToken cancellationToken)
    {
        await using var services = Composition.BuildPipelineServices();
        var pipeline = services.GetRequiredService<ArticlePipeline>();

        if (outDir is null)
        {
            var failures = 0;
            foreach (var input in inputs)
            {
                var outcome = await pipeline.RunAsync(input, cancellationToken);
                if (Report(outcome))
                {
                    // One indented document for one input; JSON Lines when several go to stdout.
                    var json = inputs.Length == 1
                        ? ContractJson.Serialize(outcome.Result!)
                        : JsonSerializer.Serialize(outcome.Result!, ContractJson.CompactOptions);
                    await Console.Out.WriteLineAsync(json);
                }
                else
                {
                    failures++;
                }
            }

            return failures == 0 ? 0 : 1;
        }

        outDir.Create();
        var names = OutputNames(inputs);
        var failed = 0;
        async Task ProcessAll(Action? advance)
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, inputs.Length),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    var outcome = await pipeline.RunAsync(inputs[i], ct);
                    if (Report(outcome))
                    {
                        await File.WriteAllTextAsync(Path.Combine(outDir.FullName, names[i] + ".json"), ContractJson.Serialize(outcome.Result!), ct);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }

                    advance?.Invoke();
                });
        }

        if (Console.IsErrorRedirected || inputs.Length == 1)
        {
            await ProcessAll(null);
        }
        else
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("extracting", maxValue: inputs.Length);
                    await ProcessAll(() => task.Increment(1));
                });
        }

        await Console.Error.WriteLineAsync($"{inputs.Length - failed} of {inputs.Length} inputs extracted to {outDir.FullName}" + (failed > 0 ? $"; {failed} failed" : string.Empty));
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Writes a failure or warning as one line on stderr; true when there is a result to write.</summary>
    private static bool Report(PipelineOutcome outcome)
    {
        if (!outcome.Succeeded)
        {
            Console.Error.WriteLine($"error: {outcome.Input}: {outcome.Message}");
            return false;
        }

        if (outcome.Message is not null)
        {
            Console.Error.WriteLine($"warning: {outcome.Input}: {outcome.Message}");
        }

        return true;
    }

    /// <summary>Output names per input; a name already taken gets a numeric suffix rather than overwriting.</summary>
    private static string[] OutputNames(string[] inputs)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var names = new string[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            var name = InputLoader.OutputNameOf(inputs[i]);
            var candidate = name;
            for (var n = 2; !taken.Add(candidate); n++)
            {
                candidate = $"{name}-{n}";
            }

            names[i] = candidate;
        }

        return names;
    }
}
