using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Tests.Support;
using Xunit;
using static NewsLeakExtractor.Tests.Extract.ExtractionHarness;

namespace NewsLeakExtractor.Tests.Extract;

/// <summary>
/// The project's own gold set (<c>tests/gold/</c>): every article through the pipeline, with floors that hold today.
/// The floors are conservative on purpose; the scorer (shared/eval/score.py) measures the real quality.
/// </summary>
[Collection(ExtractionCollection.Name)]
public sealed class GoldSetTests
{
    /// <summary>At least this share of the leak articles yields an event (16 of 20 when the test was written).</summary>
    private const double MinLeakArticleRecall = 0.75;

    /// <summary>At most this many of the negative articles yield an event (1 of 10 when the test was written).</summary>
    private const int MaxNegativesWithEvents = 2;

    private static readonly string[] ActorKinds = ["person", "organization", "country", "group", "unnamed"];

    private static string GoldFolder()
    {
        var root = TestPaths.RepositoryRoot;
        Assert.True(root is not null, $"no folder with NewsLeakExtractor.sln above {AppContext.BaseDirectory}");
        return Path.Combine(root!, "tests", "gold");
    }

    private static async Task<List<(GoldRecord Gold, ExtractionResult Result)>> RunAllAsync()
    {
        var folder = GoldFolder();
        var articles = Directory.EnumerateFiles(Path.Combine(folder, "articles"), "*.txt").Order(StringComparer.Ordinal).ToList();
        var golds = Directory.EnumerateFiles(folder, "*.json").Select(GoldRecord.Load).ToDictionary(g => g.InputPath, StringComparer.Ordinal);
        Assert.NotEmpty(articles);

        var results = new List<(GoldRecord, ExtractionResult)>();
        foreach (var article in articles)
        {
            Assert.True(golds.TryGetValue(Path.GetFullPath(article), out var gold), $"{article} has no gold record in {folder}");
            var outcome = await RunAsync(article);
            Assert.True(outcome.Succeeded, $"{article}: {outcome.Failure}: {outcome.Message}");
            results.Add((gold!, outcome.Result!));
        }

        return results;
    }

    [Fact]
    public async Task Gold_articles_meet_the_floors_and_every_span_indexes_the_text()
    {
        var results = await RunAllAsync();

        var leaks = results.Where(r => r.Gold.IsLeakArticle).ToList();
        var negatives = results.Where(r => !r.Gold.IsLeakArticle).ToList();
        Assert.Equal(negatives.Select(r => r.Gold.Id), results.Where(r => r.Gold.Id.StartsWith("neg-", StringComparison.Ordinal)).Select(r => r.Gold.Id));
        Assert.Equal(10, negatives.Count);
        Assert.NotEmpty(leaks);

        var missed = leaks.Where(r => r.Result.Events.Count == 0).Select(r => r.Gold.Id).ToList();
        var recall = 1.0 - ((double)missed.Count / leaks.Count);
        Assert.True(recall >= MinLeakArticleRecall, $"{leaks.Count - missed.Count} of {leaks.Count} leak articles yield an event ({recall:P0} < {MinLeakArticleRecall:P0}); missed: {string.Join(", ", missed)}");

        var falseAlarms = negatives.Where(r => r.Result.Events.Count > 0).Select(r => $"{r.Gold.Id}: {Describe(r.Result.Events)}").ToList();
        Assert.True(falseAlarms.Count <= MaxNegativesWithEvents, $"{falseAlarms.Count} of {negatives.Count} negative articles yield events: {string.Join(" | ", falseAlarms)}");

        foreach (var (gold, result) in results)
        {
            AssertSpansIndexText(result.Article, result.Events, gold.Id);
        }
    }

    [Fact]
    public async Task Gold_output_is_well_formed()
    {
        var results = await RunAllAsync();

        foreach (var (gold, result) in results)
        {
            Assert.Equal(result.Events.Count, result.Events.Select(e => e.Id).Distinct().Count());
            foreach (var leak in result.Events)
            {
                Assert.True(leak.Leakers.Count + leak.Recipients.Count > 0, $"{gold.Id}: an event with neither leaker nor recipient: {leak.Summary}");
                Assert.NotEmpty(leak.Evidence);
                Assert.InRange(leak.Confidence, 0.0, 1.0);
                Assert.All(leak.Leakers.Concat(leak.Recipients).Concat(leak.InformationOwners), a => Assert.Contains(a.Kind, ActorKinds));
            }
        }
    }
}
