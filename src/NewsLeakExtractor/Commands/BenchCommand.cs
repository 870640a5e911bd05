using System.CommandLine;
using System.Diagnostics;
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
        var rounds = new Option<int>("--rounds", "-r") { Description = "Timed passes over the pages (after one warm-up pass).", DefaultValueFactory = _ => 3 };
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
        Console.WriteLine($"{pages.Count} pages, {megabytes:0.0} MB, {rounds} timed rounds after two warm-up passes, one thread");

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

        foreach (var (_, run) in stages)
        {
            for (var warmup = 0; warmup < 2; warmup++)
            {
                pages.ForEach(run); // JIT tiers and caches settle before anything is timed
            }
        }

        // Rounds interleave the stages so that drift (thermal, other load) falls on all of them alike.
        var elapsed = new TimeSpan[stages.Length];
        var allocated = new long[stages.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < stages.Length; i++)
            {
                GC.Collect();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                pages.ForEach(stages[i].Run);
                elapsed[i] += watch.Elapsed;
                allocated[i] += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            }
        }

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

        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1048576.0:0} MB; managed heap now: {GC.GetTotalMemory(false) / 1048576.0:0} MB");
        return 0;
    }
}
