using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Clean;

/// <summary>The cleaning stage on whole pages: each fixture page against its expected.json.</summary>
public sealed class ArticleCleaningTests
{
    public static TheoryData<string> FixtureNames => new(FixtureExpectation.All());

    [Fact]
    public void Fixture_set_is_complete()
    {
        var names = FixtureExpectation.All().ToList();
        Assert.True(names.Count >= 6, $"expected at least 6 fixture pages, found {names.Count}");
        foreach (var name in names)
        {
            Assert.True(File.Exists(FixtureExpectation.Load(name).PagePath), $"{name}.expected.json has no {name}.html beside it");
        }
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task Fixture_page_gives_its_expected_article(string name)
    {
        var expected = FixtureExpectation.Load(name);

        var outcome = await Pipelines.RunAsync(expected.PagePath);

        Assert.True(outcome.Succeeded, $"{name}: {outcome.Failure}: {outcome.Message}");
        // Cleaning is judged here; events are the extraction tests' business. A non-English page is noted, not failed.
        Assert.True(outcome.Message is null || outcome.Message.StartsWith("article language is", StringComparison.Ordinal), outcome.Message);
        var article = outcome.Result!.Article;
        Assert.Equal(new Uri(expected.PagePath).ToString(), article.Url);

        var problems = new List<string>();
        CheckField("title", expected.Title, article.Title);
        CheckField("byline", expected.Byline, article.Byline);
        CheckField("publishedAt", expected.PublishedAt, article.PublishedAt);
        CheckField("siteName", expected.SiteName, article.SiteName);
        CheckField("canonicalUrl", expected.CanonicalUrl, article.CanonicalUrl);
        CheckField("language", expected.Language, article.Language);
        problems.AddRange(expected.MustContain.Where(s => !article.Text.Contains(s, StringComparison.Ordinal)).Select(s => $"missing body text: \"{s}\""));
        problems.AddRange(expected.MustNotContain.Where(s => article.Text.Contains(s, StringComparison.Ordinal)).Select(s => $"furniture in text: \"{s}\""));
        if (expected.Paragraphs is { } count && TextAssert.Paragraphs(article).Length != count)
        {
            problems.Add($"expected {count} paragraphs, got {TextAssert.Paragraphs(article).Length}");
        }

        Assert.True(problems.Count == 0, $"{name}:\n  {string.Join("\n  ", problems)}\n--- text ---\n{article.Text}");
        TextAssert.IsNormalised(article.Text);

        void CheckField(string field, System.Text.Json.JsonElement? expectedValue, string? actual)
        {
            if (FixtureExpectation.TryExpected(expectedValue, out var value) && value != actual)
            {
                problems.Add($"{field}: expected \"{value}\", got \"{actual}\"");
            }
        }
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task Fixture_body_sentences_come_out_in_page_order(string name)
    {
        var expected = FixtureExpectation.Load(name);

        var text = (await Pipelines.RunAsync(expected.PagePath)).Result!.Article.Text;

        var positions = expected.MustContain.Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order().ToList(), positions);
    }

    [Fact]
    public async Task Broadsheet_keeps_subheading_and_list_items_on_their_own_lines()
    {
        var article = (await Pipelines.RunAsync(TestPaths.Page("broadsheet.html"))).Result!.Article;

        Assert.Contains("\n\nWhat the memo says\n\n", article.Text, StringComparison.Ordinal);
        Assert.Contains(
            "each costed in some detail:\n\n"
            + "Replace the gate mechanism before the winter season, at an estimated cost of £2.1m.\n"
            + "Install temporary barriers and inspect the structure every week.\n"
            + "Defer all work until the next spending review.\n\n"
            + "It recommends the first option",
            article.Text,
            StringComparison.Ordinal);
        Assert.StartsWith("Senior officials at the Harbour & Canals Authority", article.Text, StringComparison.Ordinal);
        Assert.EndsWith("that forecasters had predicted days in advance.", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_ld_article_body_rescues_a_paywalled_page()
    {
        var article = (await Pipelines.RunAsync(TestPaths.Page("jsonld-graph.html"))).Result!.Article;

        // The DOM holds one teaser sentence; the declared body has five paragraphs.
        Assert.Equal(5, TextAssert.Paragraphs(article).Length);
        Assert.StartsWith("The trade ministry has confirmed", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_description_is_decoded()
    {
        var article = (await Pipelines.RunAsync(TestPaths.Page("broadsheet.html"))).Result!.Article;

        Assert.Equal("An internal memo seen by the Courier shows the Harbour & Canals Authority was warned about the Eastgate sluice.", article.Description);
    }

    // ---- Defects found while writing these tests (see the report); each test states the behaviour that should hold. ----

    [Fact]
    public async Task Page_whose_paragraphs_sit_directly_in_body_is_extracted()
    {
        const string html = "<html><head><title>Plain page</title></head><body>"
            + "<p>This is a plain paragraph that sits right in the body, with a comma and some more words.</p>"
            + "<p>Another paragraph of running text follows it, with another comma for good measure.</p></body></html>";

        var cleaned = await Pipelines.CleanHtmlAsync(html);

        Assert.Equal(
            "This is a plain paragraph that sits right in the body, with a comma and some more words.\n\n"
            + "Another paragraph of running text follows it, with another comma for good measure.",
            cleaned.Article.Text);
    }

    [Fact]
    public async Task Canonical_url_from_json_ld_has_no_fragment()
    {
        var article = (await Pipelines.RunAsync(TestPaths.Page("jsonld-graph.html"))).Result!.Article;

        Assert.Equal("https://capitalledger.example/politics/draft-trade-terms-file-server", article.CanonicalUrl);
    }

    [Fact]
    public async Task Wire_service_byline_is_the_name_only()
    {
        var article = (await Pipelines.RunAsync(TestPaths.Page("wire-service.html"))).Result!.Article;

        Assert.Equal("Amara Lint", article.Byline);
    }

    [Fact]
    public async Task Split_page_does_not_start_with_the_date_row()
    {
        var article = (await Pipelines.RunAsync(TestPaths.Page("ads-between-paragraphs.html"))).Result!.Article;

        Assert.StartsWith("Managers at the Fellside hospital trust", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("21 September 2023", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_layout_drops_headline_byline_and_date_lines()
    {
        var article = (await Pipelines.RunAsync(TestPaths.Page("table-layout.html"))).Result!.Article;

        Assert.StartsWith("A confidential engineering report on the proposed Millbrook reservoir", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("By Martin Oakes", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Posted: June 14, 2003", article.Text, StringComparison.Ordinal);
    }
}
