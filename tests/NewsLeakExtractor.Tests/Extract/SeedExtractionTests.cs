using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Tests.Support;
using Xunit;
using static NewsLeakExtractor.Tests.Extract.ExtractionHarness;

namespace NewsLeakExtractor.Tests.Extract;

/// <summary>The seed article (shared/seed/, a sibling of the repository) against its gold record, when shared/ is there.</summary>
[Collection(ExtractionCollection.Name)]
public sealed class SeedExtractionTests
{
    private const string SeedFile = "seed/israel-intel-sharing-2017.txt";
    private const string GoldFile = "eval/gold/seed-israel-intel-sharing.json";

    private static (string Article, GoldRecord Gold) SeedAndGold()
    {
        var root = TestPaths.RepositoryRoot;
        Skip.If(root is null, $"the repository root (a folder with NewsLeakExtractor.sln) is not above {AppContext.BaseDirectory}");
        var shared = Path.GetFullPath(Path.Combine(root!, "..", "shared"));
        Skip.IfNot(Directory.Exists(shared), $"shared folder absent: {shared} (../shared beside the repository is only there in the project's workspace and CI)");
        var article = Path.Combine(shared, SeedFile);
        var gold = Path.Combine(shared, GoldFile);
        Skip.IfNot(File.Exists(article) && File.Exists(gold), $"seed article or its gold absent: {article}, {gold}");
        return (article, GoldRecord.Load(gold));
    }

    private static void AssertMatches(string what, GoldEntity gold, IReadOnlyList<Actor> predicted) =>
        Assert.True(gold.MatchedBy(predicted), $"{what}: none of [{string.Join(", ", predicted.Select(a => a.Name))}] is {gold}");

    [SkippableFact]
    public async Task Seed_gives_its_three_events_with_the_gold_leakers_and_recipients()
    {
        var (path, gold) = SeedAndGold();

        var outcome = await RunAsync(path);

        Assert.True(outcome.Succeeded, $"{outcome.Failure}: {outcome.Message}");
        var events = outcome.Result!.Events;
        Assert.True(events.Count == 3, $"expected 3 events, got {events.Count}: {Describe(events)}");
        Assert.Equal(3, gold.Events.Count);

        for (var i = 0; i < 3; i++)
        {
            var (expected, actual) = (gold.Events[i], events[i]);
            Assert.True(expected.Leakers.Any(g => g.MatchedBy(actual.Leakers)), $"event {i} ({expected.Label}): leakers [{string.Join(", ", actual.Leakers.Select(a => a.Name))}] match no gold leaker");
            foreach (var recipient in expected.Recipients)
            {
                AssertMatches($"event {i} ({expected.Label}) recipients", recipient, actual.Recipients);
            }
        }

        // The same in plain words: Trump twice, U.S. officials once; Lavrov and Kislyak, then Duterte.
        Assert.Contains(events[0].Leakers, a => a.Name.Contains("Trump", StringComparison.Ordinal));
        Assert.Contains(events[1].Leakers, a => NameMatches(a.Name, ["U.S. officials", "US officials"]));
        Assert.Contains(events[2].Leakers, a => a.Name.Contains("Trump", StringComparison.Ordinal));
        Assert.Contains(events[0].Recipients, a => a.Name.Contains("Lavrov", StringComparison.Ordinal));
        Assert.Contains(events[0].Recipients, a => a.Name.Contains("Kislyak", StringComparison.Ordinal));
        Assert.Contains(events[2].Recipients, a => a.Name.Contains("Duterte", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Seed_first_event_discloses_the_isis_laptop_threat()
    {
        var (path, gold) = SeedAndGold();

        var outcome = await RunAsync(path);

        Assert.True(outcome.Succeeded, $"{outcome.Failure}: {outcome.Message}");
        var first = outcome.Result!.Events[0];
        var disclosed = string.Join(" ", first.DisclosedInformation.Select(d => d.Text));
        foreach (var keyword in gold.Events[0].DisclosedKeywords.Concat(["ISIS", "laptops"]))
        {
            Assert.True(disclosed.Contains(keyword, StringComparison.OrdinalIgnoreCase), $"'{keyword}' is not in the disclosed information: {disclosed}");
        }
    }

    [SkippableFact]
    public async Task Seed_spans_index_the_text()
    {
        var (path, _) = SeedAndGold();

        var outcome = await RunAsync(path);

        Assert.True(outcome.Succeeded, $"{outcome.Failure}: {outcome.Message}");
        Assert.NotEmpty(outcome.Result!.Events);
        AssertSpansIndexText(outcome.Result.Article, outcome.Result.Events, "seed");
    }
}
