using System.Text;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Clean;

/// <summary>Pages in legacy and Unicode encodings decode to the right characters, never to mojibake.</summary>
public sealed class EncodingTests
{
    private const string Sentence = "“We didn’t leak the café’s accounts,” said Zoë Brandt — a claim worth €1,200, she added.";

    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly string[] Mojibake = ["Ã", "â€", "Â", "\uFFFD"];

    private static string PageWith(string paragraph, string head = "") =>
        $"<html><head>{head}<title>Encoding test</title></head><body><div class=\"wrap\"><article>"
        + $"<p>{paragraph}</p><p>A second paragraph in plain ASCII gives the article some length.</p></article></div></body></html>";

    private static void AssertNoMojibake(string text)
    {
        foreach (var bad in Mojibake)
        {
            Assert.DoesNotContain(bad, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Windows_1252_page_without_any_declaration_decodes_curly_quotes_and_accents()
    {
        var article = (await Pipelines.RunAsync(TestPaths.Page("windows-1252-nocharset.html"))).Result!.Article;

        Assert.Equal("Café owner’s tip-off exposed rigged licensing panel", article.Title);
        Assert.Equal("Renée Dufort", article.Byline);
        Assert.StartsWith("“We were told the café licence didn’t stand a chance,” said Zoë Marchetti", article.Text, StringComparison.Ordinal);
        Assert.Contains("€12,000", article.Text, StringComparison.Ordinal);
        AssertNoMojibake(article.Text);
    }

    [Fact]
    public async Task Iso_8859_1_meta_declaration_is_read_as_windows_1252()
    {
        var article = (await Pipelines.RunAsync(TestPaths.Page("iso-8859-1.html"))).Result!.Article;

        Assert.Contains("José Álvarez Ibáñez", article.Text, StringComparison.Ordinal);
        Assert.Contains("«con total transparencia»", article.Text, StringComparison.Ordinal);
        // Byte 0x92 is a C1 control in strict ISO-8859-1; browsers (and WHATWG) read it as windows-1252's ’.
        Assert.Contains("The board’s auditor, Mr Müller", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0092', article.Text);
        Assert.Equal("es", article.Language);
        AssertNoMojibake(article.Text);
    }

    [Fact]
    public async Task Utf16_little_endian_page_with_bom_decodes()
    {
        var article = (await Pipelines.RunAsync(TestPaths.Page("utf16-bom.html"))).Result!.Article;

        Assert.Equal("Shipping manifests leaked from Łódź logistics hub list sanctioned cargo", article.Title);
        Assert.Contains("a trade union official in Αθήνα", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', article.Text);
        Assert.DoesNotContain('\uFEFF', article.Text);
        AssertNoMojibake(article.Text);
    }

    [Fact]
    public async Task Utf16_big_endian_page_with_bom_decodes()
    {
        var bytes = new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes(PageWith(Sentence))).ToArray();

        var text = (await Pipelines.CleanBytesAsync(bytes)).Article.Text;

        Assert.StartsWith(Sentence, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8_bom_wins_over_a_contradicting_meta_declaration()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(PageWith(Sentence, "<meta charset=\"windows-1252\">"))).ToArray();

        var text = (await Pipelines.CleanBytesAsync(bytes)).Article.Text;

        Assert.StartsWith(Sentence, text, StringComparison.Ordinal);
        AssertNoMojibake(text);
    }

    [Fact]
    public async Task Undeclared_utf8_is_read_as_utf8()
    {
        var text = (await Pipelines.CleanBytesAsync(Encoding.UTF8.GetBytes(PageWith(Sentence)))).Article.Text;

        Assert.StartsWith(Sentence, text, StringComparison.Ordinal);
        AssertNoMojibake(text);
    }

    [Fact]
    public async Task Page_that_claims_utf8_but_is_not_falls_back_to_windows_1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(PageWith(Sentence, "<meta charset=\"utf-8\">"));

        var text = (await Pipelines.CleanBytesAsync(bytes)).Article.Text;

        Assert.StartsWith(Sentence, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transport_charset_is_used_when_the_page_declares_none()
    {
        // Cyrillic in windows-1251: the windows-1252 fallback would give Latin-1 garbage, so only the header can get this right.
        const string russian = "Министерство подтвердило утечку документов, сообщил источник.";
        var bytes = Encoding.GetEncoding(1251).GetBytes(PageWith(russian));

        var text = (await Pipelines.CleanBytesAsync(bytes, charset: "windows-1251")).Article.Text;

        Assert.StartsWith(russian, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transport_charset_wins_over_the_meta_declaration()
    {
        const string russian = "Министерство подтвердило утечку документов, сообщил источник.";
        var bytes = Encoding.GetEncoding(1251).GetBytes(PageWith(russian, "<meta charset=\"windows-1252\">"));

        var text = (await Pipelines.CleanBytesAsync(bytes, charset: "windows-1251")).Article.Text;

        Assert.StartsWith(russian, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_equiv_content_type_declaration_is_honoured()
    {
        const string greek = "Το υπουργείο επιβεβαίωσε τη διαρροή των εγγράφων, είπε η πηγή.";
        var bytes = Encoding.GetEncoding("iso-8859-7").GetBytes(PageWith(greek, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-7\">"));

        var text = (await Pipelines.CleanBytesAsync(bytes)).Article.Text;

        Assert.StartsWith(greek, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_charset_label_falls_back_to_sniffing()
    {
        var bytes = Encoding.UTF8.GetBytes(PageWith(Sentence, "<meta charset=\"x-no-such-charset\">"));

        var cleaned = await Pipelines.CleanBytesAsync(bytes, charset: "also-bogus");

        Assert.StartsWith(Sentence, cleaned.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_utf16_on_a_byte_oriented_page_is_read_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(PageWith(Sentence, "<meta charset=\"utf-16\">"));

        var text = (await Pipelines.CleanBytesAsync(bytes)).Article.Text;

        Assert.StartsWith(Sentence, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_text_in_windows_1252_decodes()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("note.txt", Encoding.GetEncoding(1252).GetBytes("Café notes\n\n" + Sentence + "\n"));

        var article = (await Pipelines.RunAsync(path)).Result!.Article;

        Assert.Equal("Café notes", article.Title);
        Assert.Equal(Sentence, article.Text);
    }
}
