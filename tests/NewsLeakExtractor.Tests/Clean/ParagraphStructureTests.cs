using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Clean;

/// <summary>How the cleaned text is laid out: paragraphs, headings, lists, whitespace and entities.</summary>
public sealed class ParagraphStructureTests
{
    [Fact]
    public async Task Paragraphs_are_separated_by_one_blank_line_and_headings_and_list_items_stand_alone()
    {
        var html = Pipelines.Page("""
            <p>First paragraph has   several
                spaces and a line break inside it, which collapse.</p>
            <p>Second paragraph with <a href="/x">a link</a>, <em>emphasis</em> and <strong>bold</strong> words in it.</p>
            <h2>A subheading</h2>
            <p>Third paragraph follows the heading, as running text usually does.</p>
            <ul>
              <li>First item of a short list</li>
              <li>Second item of a short list</li>
            </ul>
            <ol><li>Numbered item one</li><li>Numbered item two</li></ol>
            <p>Closing paragraph after the lists, with a final remark.</p>
            """);

        var article = (await Pipelines.CleanHtmlAsync(html)).Article;

        Assert.Equal(
            "First paragraph has several spaces and a line break inside it, which collapse.\n\n"
            + "Second paragraph with a link, emphasis and bold words in it.\n\n"
            + "A subheading\n\n"
            + "Third paragraph follows the heading, as running text usually does.\n\n"
            + "First item of a short list\n"
            + "Second item of a short list\n"
            + "Numbered item one\n"
            + "Numbered item two\n\n"
            + "Closing paragraph after the lists, with a final remark.",
            article.Text);
        TextAssert.IsNormalised(article.Text);
    }

    [Fact]
    public async Task Entities_are_decoded()
    {
        var html = Pipelines.Page("""
            <p>Smith &amp; Jones said the firm&#8217;s memo was &ldquo;final&rdquo; &mdash; and cost &pound;5&nbsp;000, or 10&#xA0;per&#160;cent more &hellip;</p>
            <p>Caf&eacute; owners wrote &quot;no comment&quot; and &lt;redacted&gt; on the form, plus the &euro; sign and a &#x2014; dash.</p>
            """);

        var text = (await Pipelines.CleanHtmlAsync(html)).Article.Text;

        Assert.Equal(
            "Smith & Jones said the firm’s memo was “final” — and cost £5 000, or 10 per cent more …\n\n"
            + "Café owners wrote \"no comment\" and <redacted> on the form, plus the € sign and a — dash.",
            text);
    }

    [Fact]
    public async Task Whitespace_is_normalised()
    {
        var html = Pipelines.Page(
            "<p>\t Leading tabs\r\n and   CRLF line\r\nendings,&nbsp;&nbsp; non-breaking&#8203; spaces and soft&shy;hyphens vanish.  </p>\r\n\r\n\r\n"
            + "<p>\n\n\n   A second paragraph after many blank source lines, still one blank line away.\t</p>");

        var text = (await Pipelines.CleanHtmlAsync(html)).Article.Text;

        Assert.Equal(
            "Leading tabs and CRLF line endings, non-breaking spaces and softhyphens vanish.\n\n"
            + "A second paragraph after many blank source lines, still one blank line away.",
            text);
        TextAssert.IsNormalised(text);
    }

    [Fact]
    public async Task Inline_elements_do_not_add_or_remove_spaces()
    {
        var html = Pipelines.Page(
            "<p>The <b>board</b>'s decision was un<i>usual</i> and, <span>frankly</span>,<a href=\"#\"> odd</a> to everyone involved.</p>");

        var text = (await Pipelines.CleanHtmlAsync(html)).Article.Text;

        Assert.Equal("The board's decision was unusual and, frankly, odd to everyone involved.", text);
    }

    [Fact]
    public async Task Line_breaks_inside_a_paragraph_are_kept_as_single_newlines()
    {
        var html = Pipelines.Page(
            "<p>The letter was addressed to the records office,<br>14 Quayside Row,<br/>Port Callum, and marked private.</p>"
            + "<p>A second paragraph follows the address, as a separate block of text.</p>");

        var text = (await Pipelines.CleanHtmlAsync(html)).Article.Text;

        Assert.Equal(
            "The letter was addressed to the records office,\n14 Quayside Row,\nPort Callum, and marked private.\n\n"
            + "A second paragraph follows the address, as a separate block of text.",
            text);
    }

    [Fact]
    public async Task Blockquotes_and_div_paragraphs_are_blocks_of_their_own()
    {
        var html = Pipelines.Page(
            "<div>A paragraph written as a div, as some sites do, with enough words to count.</div>"
            + "<blockquote><p>A quoted passage from the leaked letter, set apart from the text.</p></blockquote>"
            + "<div>Another div paragraph, following the quotation, closes the story.</div>");

        var text = (await Pipelines.CleanHtmlAsync(html)).Article.Text;

        Assert.Equal(
            "A paragraph written as a div, as some sites do, with enough words to count.\n\n"
            + "A quoted passage from the leaked letter, set apart from the text.\n\n"
            + "Another div paragraph, following the quotation, closes the story.",
            text);
    }

    [Fact]
    public async Task Scripts_styles_hidden_elements_and_the_headline_are_not_text()
    {
        var html = Pipelines.Page(
            "<h1>The headline is the title, not body text</h1>"
            + "<script>var tracking = 'SCRIPT-TEXT';</script><style>.x{content:'STYLE-TEXT'}</style><noscript>NOSCRIPT-TEXT enable JavaScript</noscript>"
            + "<p>The visible paragraph of the story, which is the only text that should remain.</p>"
            + "<div hidden>HIDDEN-ATTRIBUTE text that a reader never sees on the page.</div>"
            + "<div aria-hidden=\"true\">ARIA-HIDDEN text that a reader never sees on the page.</div>"
            + "<div style=\"display: none\">DISPLAY-NONE text that a reader never sees on the page.</div>"
            + "<template><p>TEMPLATE text that a reader never sees on the page.</p></template>"
            + "<!-- COMMENT-TEXT: an HTML comment that a reader never sees -->"
            + "<p>A second visible paragraph closes the story with one more sentence.</p>",
            title: "The headline is the title, not body text");

        var article = (await Pipelines.CleanHtmlAsync(html)).Article;

        Assert.Equal("The headline is the title, not body text", article.Title);
        Assert.Equal(
            "The visible paragraph of the story, which is the only text that should remain.\n\n"
            + "A second visible paragraph closes the story with one more sentence.",
            article.Text);
    }

    [Fact]
    public async Task Boilerplate_lines_inside_the_body_are_dropped()
    {
        var html = Pipelines.Page(
            "<p>The first paragraph of the report, which describes the leak in some detail.</p>"
            + "<p>Advertisement</p><p>Story continues below advertisement</p><p>Read more</p>"
            + "<p>The second paragraph of the report, with the reaction of officials.</p>");

        var text = (await Pipelines.CleanHtmlAsync(html)).Article.Text;

        Assert.Equal(
            "The first paragraph of the report, which describes the leak in some detail.\n\n"
            + "The second paragraph of the report, with the reaction of officials.",
            text);
    }
}
