using System.Diagnostics;
using NewsLeakExtractor.Text;
using Xunit;

namespace NewsLeakExtractor.Tests.Text;

/// <summary>Runs alone, after the parallel tests, so model training elsewhere in the suite does not skew the clock.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public sealed class TimingCollection;

[Collection(nameof(TimingCollection))]
public sealed class TextPerformanceTests
{
    [Fact]
    public void Splitting_a_megabyte_takes_well_under_a_second()
    {
        var text = TextGenerator.News(42, 1_048_576);
        var count = 0;
        var elapsed = BestOfThree(() => count = SentenceSplitter.Split(text).Count);

        Assert.True(count > 5_000);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"splitting 1 MB took {elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void Tokenizing_a_megabyte_takes_well_under_a_second()
    {
        var text = TextGenerator.News(43, 1_048_576);
        var count = 0;
        var elapsed = BestOfThree(() => count = Tokenizer.Tokenize(text).Count);

        Assert.True(count > 100_000);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"tokenizing 1 MB took {elapsed.TotalMilliseconds:F0} ms");
    }

    /// <summary>
    /// The fastest of three runs: the first pays for JIT and lexicon loading, and the machine may be busy with
    /// other work, so one slow run says little. Typical: well under 200 ms per megabyte in a Debug build.
    /// </summary>
    private static TimeSpan BestOfThree(Action run)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            watch.Stop();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }
}
