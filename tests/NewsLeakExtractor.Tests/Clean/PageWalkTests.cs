using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsLeakExtractor.Clean;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Clean;

/// <summary>
/// The shortcuts the cleaner takes past AngleSharp's API for speed must give what that API gives: element text,
/// attribute reads, and class-fragment matching.
/// </summary>
public sealed class PageWalkTests
{
    private static readonly HtmlParser Parser = new(HtmlArticleCleaner.ParserOptions);

    public static TheoryData<string> FixturePages => new(Directory.GetFiles(TestPaths.Pages, "*.html").Select(Path.GetFileName).Cast<string>());

    [Theory]
    [MemberData(nameof(FixturePages))]
    public void Element_text_is_TextContent_for_every_element_of_a_page(string page)
    {
        using var document = Parser.ParseDocument(File.ReadAllText(TestPaths.Page(page)));
        var elements = document.All.ToList();
        Assert.NotEmpty(elements);
        foreach (var element in elements)
        {
            Assert.Equal(element.TextContent, NodeText.Of(element));
        }
    }

    [Fact]
    public void Element_text_keeps_document_order_across_mixed_content_and_skips_comments()
    {
        using var document = Parser.ParseDocument(
            "<div id=d>one <b>two <i>three</i></b><!-- not text --> four<span></span><p>five<br>six</p>seven</div>");
        var div = document.GetElementById("d")!;

        Assert.Equal("one two three fourfivesixseven", NodeText.Of(div));
        Assert.Equal(div.TextContent, NodeText.Of(div));
        Assert.Equal(string.Empty, NodeText.Of(document.QuerySelector("span")!));
    }

    [Fact]
    public void Element_text_of_a_page_nested_ten_thousand_deep_does_not_exhaust_the_stack()
    {
        const int Depth = 10_000;
        var html = string.Concat(Enumerable.Repeat("<div>", Depth)) + "deep" + string.Concat(Enumerable.Repeat("</div>", Depth)) + "<p>after</p>";
        using var document = Parser.ParseDocument(html);

        Assert.Equal(document.Body!.TextContent, NodeText.Of(document.Body));
        Assert.Contains("deep", NodeText.Of(document.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void Attribute_marks_read_what_GetAttribute_reads_and_what_hides_an_element()
    {
        using var document = Parser.ParseDocument("""
            <div id="plain">x</div>
            <div id="full" class="Story-Body main" itemprop="articleBody text" rel="author nofollow" data-x="1">x</div>
            <div id="hidden1" hidden>x</div>
            <div id="hidden2" aria-hidden="TRUE">x</div>
            <div id="shown" aria-hidden="false">x</div>
            <div id="hidden3" role="Navigation">x</div>
            <div id="hidden4" style="color: red; display : none">x</div>
            <div id="hidden5" style="visibility:hidden">x</div>
            """);

        var full = ElementMarks.Read(document.GetElementById("full")!);
        Assert.Equal(("Story-Body main", "full", "articleBody text", "author nofollow"), (full.Class, full.Id, full.Itemprop, full.Rel));
        Assert.False(full.Hidden);

        var plain = ElementMarks.Read(document.GetElementById("plain")!);
        Assert.Equal((null, "plain", null, null, false), (plain.Class, plain.Id, plain.Itemprop, plain.Rel, plain.Hidden));

        Assert.False(ElementMarks.Read(document.GetElementById("shown")!).Hidden);
        foreach (var id in new[] { "hidden1", "hidden2", "hidden3", "hidden4", "hidden5" })
        {
            Assert.True(ElementMarks.Read(document.GetElementById(id)!).Hidden, id);
        }
    }

    [Fact]
    public void Class_fragments_match_anywhere_in_class_or_id_ignoring_case()
    {
        var fragments = new ClassFragments(["byline", "author"]);

        Assert.True(fragments.FoundIn("article__ByLine--top"));
        Assert.True(fragments.FoundIn("post-AUTHORS"));
        Assert.False(fragments.FoundIn("headline date"));
        Assert.False(fragments.FoundIn(null));
        Assert.False(fragments.FoundIn(string.Empty));
    }

    [Fact]
    public void The_page_walk_keeps_each_elements_marks_by_position()
    {
        using var document = Parser.ParseDocument("<p class=a>x</p><div><span id=s itemprop=author>y</span></div>");
        using var tree = PageTree.Build(document);
        var positions = Enumerable.Range(0, tree.Count).ToList();

        var span = positions.Single(i => tree[i].LocalName == "span");
        Assert.Equal(("s", "author"), (tree.MarksOf(span).Id, tree.MarksOf(span).Itemprop));
        Assert.Contains(span, tree.IndexedElements);

        var paragraph = positions.Single(i => tree[i].LocalName == "p");
        Assert.True(tree.HasMark(paragraph, new ClassFragments(["a"])));
        Assert.False(tree.HasMark(span, new ClassFragments(["a"])));
        Assert.All(positions, i => Assert.Equal(((IElement)tree[i]).GetAttribute("class"), tree.MarksOf(i).Class));
    }
}
