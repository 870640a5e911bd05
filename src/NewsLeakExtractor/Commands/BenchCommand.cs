using System.CommandLine;
using System.Diagnostics;
using System.Runtime;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Clean;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Pipeline;

namespace NewsLeakExtractor.Cli.Commands;

/// <summary>
/// <c>bench</c>: pages per second for each stage over a fixed set of pages, in one process, next to the
/// floor every AngleSharp-based extractor pays (decoding and parsing alone).
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Page files (.html, .html.gz, .txt).", Arity = ArgumentArity.OneOrMore };
        var rounds = new Option<int>("--rounds", "-r") { Description = "Timed passes over the pages (after warm-up passes that last until the JIT has settled).", DefaultValueFactory = _ => 10 };
        var command = new Command("bench", "Measure throughput (pages/s) and memory of parsing, cleaning and the whole pipeline on a fixed set of pages.")
        {
            inputs, rounds,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(inputs)!, Math.Max(1, parse.GetValue(rounds)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, int rounds, CancellationToken cancellationToken)
    {
        await using var services = Composition.BuildPipelineServices();
        var loader = services.GetRequiredService<InputLoader>();
        var pipeline = services.GetRequiredService<ArticlePipeline>();
        var cleaner = services.GetRequiredService<HtmlArticleCleaner>();

        var pages = new List<RawDocument>();
        foreach (var input in inputs)
        {
            try
            {
                pages.Add(await loader.LoadAsync(input, cancellationToken));
            }
            catch (FetchException e)
            {
                await Console.Error.WriteLineAsync($"skipped {input}: {e.Message}");
            }
        }

        var megabytes = pages.Sum(p => p.Content.Length) / 1048576.0;
        Console.WriteLine($"{pages.Count} pages, {megabytes:0.0} MB, {rounds} timed rounds after the warm-up, one thread");

        var parser = new HtmlParser(HtmlArticleCleaner.ParserOptions);
        var stages = new (string Name, Action<RawDocument> Run)[]
        {
            ("parse (decode + AngleSharp)", page =>
            {
                var html = CharsetDecoder.Decode(page);
                if (!page.IsPlainText)
                {
                    using var document = parser.ParseDocument(html);
                }
            }),
            ("clean (parse + metadata + main text)", page => cleaner.Clean(page, cancellationToken)),
            ("pipeline (clean + extract events)", page => pipeline.Process(page, cancellationToken)),
        };

        var warmup = WarmUp(pages, stages.Select(stage => stage.Run).ToArray());
        Console.WriteLine($"warm-up: {warmup.Passes} passes over every stage in {warmup.Elapsed.TotalSeconds:0.0} s, until a pass compiled {warmup.LastPassJitted} methods");

        // Rounds interleave the stages so that drift (thermal, other load) falls on all of them alike.
        var elapsed = new TimeSpan[stages.Length];
        var allocated = new long[stages.Length];
        var ratios = new List<double>();
        var jittedBefore = JitInfo.GetCompiledMethodCount();
        for (var round = 0; round < rounds; round++)
        {
            var roundElapsed = new TimeSpan[stages.Length];
            for (var i = 0; i < stages.Length; i++)
            {
                GC.Collect();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                pages.ForEach(stages[i].Run);
                roundElapsed[i] = watch.Elapsed;
                elapsed[i] += roundElapsed[i];
                allocated[i] += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            }

            ratios.Add(roundElapsed[1] / roundElapsed[0]);
        }

        var jittedDuringRounds = JitInfo.GetCompiledMethodCount() - jittedBefore;
        var count = pages.Count * rounds;
        var results = stages.Select((stage, i) => (
            stage.Name,
            PagesPerSecond: count / elapsed[i].TotalSeconds,
            MsPerPage: elapsed[i].TotalMilliseconds / count,
            AllocatedMbPerPage: allocated[i] / 1048576.0 / count)).ToList();

        var floor = results[0].MsPerPage;
        Console.WriteLine($"{"stage",-40} {"pages/s",10} {"ms/page",9} {"x parse",8} {"alloc MB/page",14}");
        foreach (var (name, pagesPerSecond, msPerPage, allocatedMb) in results)
        {
            Console.WriteLine($"{name,-40} {pagesPerSecond,10:0.0} {msPerPage,9:0.00} {msPerPage / floor,8:0.00} {allocatedMb,14:0.00}");
        }

        ratios.Sort();
        Console.WriteLine($"clean / parse per round: min {ratios[0]:0.00}, median {ratios[ratios.Count / 2]:0.00}, max {ratios[^1]:0.00}; methods compiled during the timed rounds: {jittedDuringRounds}");
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1048576.0:0} MB; managed heap now: {GC.GetTotalMemory(false) / 1048576.0:0} MB");
        return 0;
    }

    /// <summary>
    /// Runs every stage over the pages until the JIT has settled. Tiered compilation promotes methods to optimised code
    /// only after they have been called often enough and the compiler has been idle for a moment, and a page set this
    /// size keeps it busy for ten passes or more: timing any earlier measures the compiler (on the spare core) and
    /// half-optimised code, which shifts from round to round.
    /// </summary>
    private static (int Passes, TimeSpan Elapsed, long LastPassJitted) WarmUp(List<RawDocument> pages, Action<RawDocument>[] stages)
    {
        const int MinPasses = 2;
        const int MaxPasses = 30;
        const int SettledBelow = 10;
        var watch = Stopwatch.StartNew();
        var jitted = 0L;
        var pass = 0;
        while (pass < MaxPasses)
        {
            pass++;
            var before = JitInfo.GetCompiledMethodCount();
            foreach (var run in stages)
            {
                pages.ForEach(run);
            }

            // The tiering worker waits for a quiet spell before it promotes what was counted; give it one.
            Thread.Sleep(TimeSpan.FromMilliseconds(200));
            jitted = JitInfo.GetCompiledMethodCount() - before;
            if (pass >= MinPasses && jitted < SettledBelow)
            {
                break;
            }
        }

        return (pass, watch.Elapsed, jitted);
    }
}
