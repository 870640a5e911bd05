using System.IO.Compression;
using System.Text;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Pipeline;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Clean;

/// <summary>
/// Hostile and broken inputs: each ends, within <see cref="Pipelines.TimeLimit"/>, in a failure with a reason or an
/// article (possibly empty, then with a warning), never in an exception or a hang.
/// </summary>
public sealed class RobustnessTests : IDisposable
{
    private const string Sentence = "The deepest paragraph still holds a sentence of running text, with a comma or two, to find.";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void AssertFailed(PipelineOutcome outcome, FailureReason reason, params string[] messageParts)
    {
        Assert.False(outcome.Succeeded, $"expected {reason}, but it succeeded");
        Assert.Null(outcome.Result);
        Assert.Equal(reason, outcome.Failure);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
        Assert.DoesNotContain('\n', outcome.Message);
        foreach (var part in messageParts)
        {
            Assert.Contains(part, outcome.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static void AssertEmptyWithReason(PipelineOutcome outcome)
    {
        Assert.True(outcome.Succeeded, $"{outcome.Failure}: {outcome.Message}");
        Assert.Equal(string.Empty, outcome.Result!.Article.Text);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message), "an empty text must come with a reason");
    }

    [Fact]
    public async Task Empty_file_fails_as_empty()
    {
        var path = _dir.Write("empty.html", []);

        AssertFailed(await Pipelines.RunAsync(path), FailureReason.Empty, "empty", "empty.html");
    }

    [Fact]
    public async Task Whitespace_only_file_gives_no_text_and_a_reason()
    {
        var path = _dir.Write("blank.html", " \n\t \r\n  ");

        var outcome = await Pipelines.RunAsync(path);

        if (outcome.Succeeded)
        {
            AssertEmptyWithReason(outcome);
        }
        else
        {
            AssertFailed(outcome, FailureReason.Empty);
        }
    }

    [Fact]
    public async Task Whitespace_only_file_fails_as_empty_like_an_empty_file()
    {
        var path = _dir.Write("blank.html", " \n \n ");

        AssertFailed(await Pipelines.RunAsync(path), FailureReason.Empty);
    }

    [Theory]
    [InlineData("image.html")]
    [InlineData("image.txt")]
    public async Task Binary_file_fails_as_binary(string name)
    {
        var bytes = new byte[64 * 1024];
        new Random(42).NextBytes(bytes);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        png.CopyTo(bytes, 0);
        var path = _dir.Write(name, bytes);

        AssertFailed(await Pipelines.RunAsync(path), FailureReason.Binary, "binary");
    }

    [Fact]
    public async Task Gzipped_binary_fails_as_binary()
    {
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        var path = _dir.Write("photo.html.gz", Gzip(bytes));

        AssertFailed(await Pipelines.RunAsync(path), FailureReason.Binary, "binary");
    }

    [Fact]
    public async Task Fifty_megabyte_page_fails_as_too_large()
    {
        var path = _dir.File("huge.html");
        await using (var file = File.Create(path))
        {
            var chunk = Encoding.ASCII.GetBytes("<p>" + new string('x', 1020) + "</p>\n");
            for (var written = 0L; written < 50L * 1024 * 1024; written += chunk.Length)
            {
                await file.WriteAsync(chunk);
            }
        }

        AssertFailed(await Pipelines.RunAsync(path), FailureReason.TooLarge, "exceeds", "cap", "huge.html");
    }

    [Fact]
    public async Task Gzip_that_inflates_past_the_cap_fails_as_too_large()
    {
        var path = _dir.File("bomb.html.gz");
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (var i = 0; i < 50; i++)
            {
                await gzip.WriteAsync(chunk);
            }
        }

        Assert.True(new FileInfo(path).Length < 1024 * 1024, "the compressed file itself is small");
        AssertFailed(await Pipelines.RunAsync(path), FailureReason.TooLarge, "exceeds", "cap");
    }

    [Theory]
    [InlineData("div", true)]
    [InlineData("div", false)]
    [InlineData("section", true)]
    [InlineData("span", true)]
    [InlineData("b", false)]
    [InlineData("blockquote", false)]
    public async Task Ten_thousand_deep_nesting_is_extracted(string tag, bool closed)
    {
        var html = new StringBuilder("<html><head><title>Deep</title></head><body><div class=\"story\"><p>");
        if (tag is "span" or "b")
        {
            // Inline nesting inside one paragraph.
            html.Insert(html.Length, string.Concat(Enumerable.Repeat($"<{tag}>", 10_000)));
            html.Append(Sentence);
            if (closed)
            {
                html.Append(string.Concat(Enumerable.Repeat($"</{tag}>", 10_000)));
            }

            html.Append("</p>");
        }
        else
        {
            html.Append("An opening paragraph of ordinary text, with a comma, before the deep part.</p>");
            html.Append(string.Concat(Enumerable.Repeat($"<{tag}>", 10_000)));
            html.Append("<p>").Append(Sentence).Append("</p>");
            if (closed)
            {
                html.Append(string.Concat(Enumerable.Repeat($"</{tag}>", 10_000)));
            }
        }

        html.Append("</div></body></html>");
        var path = _dir.Write($"deep-{tag}.html", html.ToString());

        var outcome = await Pipelines.RunAsync(path);

        Assert.True(outcome.Succeeded, $"{outcome.Failure}: {outcome.Message}");
        Assert.Contains(Sentence, outcome.Result!.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_markup_is_repaired_not_fatal()
    {
        var path = _dir.Write("malformed.html", """
            <html><head><title>Broken page</title>
            <body><div class="story">
            <p>First paragraph is never closed, and it runs on with commas, like this one does
            <p>Second paragraph <p>opens a paragraph inside a paragraph, which the parser closes for us.
            </span></div></div></td>
            <div><b><i>Misnested bold and italic text carries on for a while, with a comma.</b></i></div>
            <p>After the stray closing tags the text continues, as if nothing had happened.
            <table><tr><td>An unclosed cell of a table that is never finished <td>and another
            <p>Text after an unfinished table, <a href="/x">with a link</a>, still counts as text.
            """);

        var outcome = await Pipelines.RunAsync(path);

        Assert.True(outcome.Succeeded, $"{outcome.Failure}: {outcome.Message}");
        var text = outcome.Result!.Article.Text;
        Assert.Contains("First paragraph is never closed, and it runs on with commas, like this one does", text, StringComparison.Ordinal);
        Assert.Contains("opens a paragraph inside a paragraph, which the parser closes for us.", text, StringComparison.Ordinal);
        Assert.Contains("Misnested bold and italic text carries on for a while, with a comma.", text, StringComparison.Ordinal);
        Assert.Contains("After the stray closing tags the text continues, as if nothing had happened.", text, StringComparison.Ordinal);
        TextAssert.IsNormalised(text);
    }

    [Fact]
    public async Task Page_with_no_article_gives_empty_text_and_a_reason()
    {
        var path = _dir.Write("hub.html", """
            <html><head><title>Sections</title></head><body>
            <header><a href="/">Home</a></header>
            <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
            <div class="link-list">
              <a href="/a">Council publishes a long list of road closures for the summer season</a>
              <a href="/b">Harbour festival returns after two years with a bigger programme of events</a>
              <a href="/c">Library opening hours change from next week, with later evenings on Thursdays</a>
            </div>
            <footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
            </body></html>
            """);

        var outcome = await Pipelines.RunAsync(path);

        AssertEmptyWithReason(outcome);
        Assert.Contains("no article text", outcome.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Sections", outcome.Result!.Article.Title);
    }

    [Fact]
    public async Task Text_file_first_line_is_the_title_and_blank_lines_separate_paragraphs()
    {
        var path = _dir.Write("story.txt",
            "\n\n   Leaked  audit   names three contractors   \n\n"
            + "The first paragraph runs over\ntwo lines of the file.\n\n\n\n"
            + "The second paragraph follows several blank lines.\r\n\r\n"
            + "  The   third paragraph   has   untidy   spacing.  \n\n\n");

        var outcome = await Pipelines.RunAsync(path);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Null(outcome.Message);
        var article = outcome.Result!.Article;
        Assert.Equal("Leaked audit names three contractors", article.Title);
        Assert.Equal(
            "The first paragraph runs over two lines of the file.\n\n"
            + "The second paragraph follows several blank lines.\n\n"
            + "The third paragraph has untidy spacing.",
            article.Text);
        Assert.Equal(article.Url, article.CanonicalUrl);
        Assert.StartsWith("file://", article.Url, StringComparison.Ordinal);
        Assert.Null(article.Byline);
        Assert.Null(article.PublishedAt);
    }

    [Fact]
    public async Task Text_file_with_only_a_title_gives_empty_text_and_a_reason()
    {
        var path = _dir.Write("title-only.txt", "Just a title line\n\n\n");

        var outcome = await Pipelines.RunAsync(path);

        AssertEmptyWithReason(outcome);
        Assert.Equal("Just a title line", outcome.Result!.Article.Title);
    }

    [Fact]
    public async Task Gzipped_html_is_read()
    {
        var path = _dir.Write("story.html.gz", Gzip(File.ReadAllBytes(TestPaths.Page("broadsheet.html"))));

        var outcome = await Pipelines.RunAsync(path);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("Leaked memo shows waterways agency ignored flood warnings", outcome.Result!.Article.Title);
    }

    [Theory]
    [InlineData("report.pdf")]
    [InlineData("report.docx")]
    [InlineData("README")]
    [InlineData("archive.tar.gz")]
    public async Task Unsupported_extension_fails_with_the_expected_types(string name)
    {
        var path = _dir.Write(name, "<html><body><p>Text that would be fine, were the name right.</p></body></html>");

        AssertFailed(await Pipelines.RunAsync(path), FailureReason.UnsupportedContent, "unsupported", ".html", ".txt", name);
    }

    [Fact]
    public async Task Missing_file_fails_as_not_found()
    {
        var path = _dir.File("nowhere/missing.html");

        AssertFailed(await Pipelines.RunAsync(path), FailureReason.NotFound, "no such file", "missing.html");
    }

    [Fact]
    public async Task Directory_named_like_a_page_fails_as_not_found()
    {
        var path = _dir.File("folder.html");
        Directory.CreateDirectory(path);

        AssertFailed(await Pipelines.RunAsync(path), FailureReason.NotFound, "no such file");
    }

    [Fact]
    public async Task Bad_gzip_fails_as_undecodable()
    {
        var path = _dir.Write("broken.html.gz", "this is plain text pretending to be gzip");

        AssertFailed(await Pipelines.RunAsync(path), FailureReason.Undecodable, "gzip", "broken.html.gz");
    }

    [Fact]
    public async Task Truncated_gzip_fails_as_undecodable()
    {
        var whole = Gzip(File.ReadAllBytes(TestPaths.Page("broadsheet.html")));
        var path = _dir.Write("cut.html.gz", whole[..(whole.Length / 2)]);

        AssertFailed(await Pipelines.RunAsync(path), FailureReason.Undecodable, "gzip");
    }

    [Fact]
    public async Task Empty_input_string_fails_with_a_reason()
    {
        var outcome = await Pipelines.RunAsync(string.Empty);

        Assert.False(outcome.Succeeded);
        Assert.NotNull(outcome.Failure);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
