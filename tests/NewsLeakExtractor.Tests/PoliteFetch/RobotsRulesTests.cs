using NewsLeakExtractor.Ingestion.Fetch;
using Xunit;

namespace NewsLeakExtractor.Tests.PoliteFetch;

public sealed class RobotsRulesTests
{
    private static RobotsRules Parse(string text) => RobotsRules.Parse(text, ServiceFetchOptions.ProductToken);

    [Theory]
    [InlineData("/private/x", false)]
    [InlineData("/private/public/x", true)]
    [InlineData("/news/today", true)]
    [InlineData("/search?q=leak", false)]
    [InlineData("/files/report.pdf", false)]
    [InlineData("/files/report.pdf?download=1", true)]
    [InlineData("/files/report.html", true)]
    [InlineData("/robots.txt", true)]
    public void The_longest_matching_rule_decides(string path, bool allowed)
    {
        var rules = Parse("""
            # comments and blank lines are ignored
            User-agent: *
            Disallow: /private/
            Allow: /private/public/
            Disallow: /search
            Disallow: /*.pdf$
            """);

        Assert.Equal(allowed, rules.IsAllowed(path));
    }

    [Fact]
    public void Allow_wins_a_tie_of_equal_length()
    {
        var rules = Parse("User-agent: *\nDisallow: /page\nAllow: /page\n");

        Assert.True(rules.IsAllowed("/page"));
    }

    [Fact]
    public void Our_groups_are_merged_and_the_general_group_is_then_ignored()
    {
        var rules = Parse("""
            User-agent: *
            Disallow: /

            User-agent: OtherBot
            User-agent: newsleakextractor/2.0
            Disallow: /drafts/

            User-agent: NewsLeakExtractor
            Disallow: /archive/
            Crawl-delay: 2.5
            """);

        Assert.True(rules.IsAllowed("/news/story"));
        Assert.False(rules.IsAllowed("/drafts/a"));
        Assert.False(rules.IsAllowed("/archive/b"));
        Assert.Equal(TimeSpan.FromSeconds(2.5), rules.CrawlDelay);
    }

    [Fact]
    public void No_group_for_us_or_for_everyone_allows_everything()
    {
        Assert.True(Parse("User-agent: OtherBot\nDisallow: /\n").IsAllowed("/anything"));
        Assert.True(Parse("").IsAllowed("/anything"));
        Assert.True(Parse("<html><body>Not found</body></html>").IsAllowed("/anything"));
    }

    [Fact]
    public void An_empty_disallow_allows_everything()
    {
        Assert.True(Parse("User-agent: *\nDisallow:\n").IsAllowed("/x"));
    }

    [Fact]
    public void Non_ascii_patterns_match_percent_encoded_paths()
    {
        var rules = Parse("User-agent: *\nDisallow: /café/\n");

        Assert.False(rules.IsAllowed(new Uri("https://example.com/café/menu").PathAndQuery));
        Assert.False(rules.IsAllowed("/caf%c3%a9/menu"));
    }

    [Theory]
    [InlineData("/a*b*c*d*e*f*g*h*z", "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("/*/leaks/", "/2025/leaks/memo", true)]
    [InlineData("/*.php$", "/index.php", true)]
    [InlineData("/*.php$", "/index.php5", false)]
    [InlineData("/fish*", "/fish", true)]
    public void Wildcards(string pattern, string path, bool matches) =>
        Assert.Equal(matches, RobotsRules.Matches(pattern, path));
}
