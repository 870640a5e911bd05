using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Cli;

/// <summary>The project's seed article in shared/ (a sibling of the repository), when it is there.</summary>
public sealed class SeedArticleTests
{
    private const string SeedFile = "seed/israel-intel-sharing-2017.txt";

    private static string SeedPath()
    {
        var shared = TestPaths.SharedFolder;
        Skip.If(shared is null, $"the repository root (a folder with NewsLeakExtractor.sln) is not above {AppContext.BaseDirectory}");
        var path = Path.Combine(shared!, SeedFile);
        Skip.IfNot(File.Exists(path), $"shared folder absent: {path} not found (../shared beside the repository is only there in the project's workspace and CI)");
        return path;
    }

    /// <summary>The title recorded in the seed's gold file (shared/eval/gold), next to the seed folder.</summary>
    private static string? GoldTitle(string seedPath)
    {
        var gold = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(seedPath)!)!, "eval", "gold", "seed-israel-intel-sharing.json");
        Skip.IfNot(File.Exists(gold), $"gold file absent: {gold}");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(gold));
        return document.RootElement.GetProperty("title").GetString();
    }

    [SkippableFact]
    public async Task Seed_article_is_extracted_with_its_title_and_text()
    {
        var path = SeedPath();

        var outcome = await Pipelines.RunAsync(path);

        Assert.True(outcome.Succeeded, $"{outcome.Failure}: {outcome.Message}");
        Assert.Null(outcome.Message);
        var article = outcome.Result!.Article;
        // The expectations are read from shared/ at test time: the project carries none of the article's text.
        var lines = File.ReadAllLines(path).Select(NewsLeakExtractor.Text.TextNormalizer.CollapseWhitespace).Where(l => l.Length > 0).ToList();
        Assert.Equal(lines[0], article.Title);
        Assert.Equal(GoldTitle(path), article.Title);
        Assert.False(string.IsNullOrWhiteSpace(article.Text));
        Assert.All(lines.Skip(1), line => Assert.Contains(line, article.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(article.Title!, article.Text.Split("\n\n")[0], StringComparison.Ordinal);
        Assert.Equal("en", article.Language);
        TextAssert.IsNormalised(article.Text);
    }

    [SkippableFact]
    public async Task Seed_article_through_the_cli()
    {
        var path = SeedPath();
        using var dir = new TempDirectory();

        var result = await CliRunner.RunAsync(dir.Path, "extract", path, "--out", dir.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = await File.ReadAllTextAsync(dir.File("israel-intel-sharing-2017.json"));
        var article = NewsLeakExtractor.Contract.ContractJson.Deserialize(json)!.Article;
        Assert.Equal(GoldTitle(path), article.Title);
        Assert.NotEmpty(article.Text);
    }
}
