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

    [SkippableFact]
    public async Task Seed_article_is_extracted_with_its_title_and_text()
    {
        var path = SeedPath();

        var outcome = await Pipelines.RunAsync(path);

        Assert.True(outcome.Succeeded, $"{outcome.Failure}: {outcome.Message}");
        Assert.Null(outcome.Message);
        var article = outcome.Result!.Article;
        Assert.Equal("Following leak to Russia, Israel is shifting how it shares intelligence with U.S.", article.Title);
        Assert.False(string.IsNullOrWhiteSpace(article.Text));
        Assert.Contains("Israel is altering how it shares intelligence with the United States", article.Text, StringComparison.Ordinal);
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
        Assert.Equal("Following leak to Russia, Israel is shifting how it shares intelligence with U.S.", article.Title);
        Assert.NotEmpty(article.Text);
    }
}
