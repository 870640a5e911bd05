using System.Diagnostics;
using System.Text;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Ingestion.Sources;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Sources;

public sealed class FeedReaderTests
{
    private static readonly FeedReader Reader = new();

    private static RawDocument Fixture(string name, string url, string mediaType = "application/xml", string? charset = null) =>
        new(new Uri(url), File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, "feeds", name)), mediaType, charset);

    private static IReadOnlyList<FeedItem> Read(string name, SourceKind kind = SourceKind.Auto, string url = "https://gazette.example.com/feeds/world.xml") =>
        Reader.Read(Fixture(name, url), kind);

    [Fact]
    public void Rss_items_resolve_links_dates_and_languages_leniently()
    {
        var items = Read("rss.xml", SourceKind.Rss);

        Assert.Equal(
            [
                "https://gazette.example.com/2025/06/memo-leak.html",
                "https://gazette.example.com/2025/06/relative.html",
                "https://gazette.example.com/2025/06/guid-only.html",
                "https://gazette.example.com/es/filtracion.html",
                "https://gazette.example.com/2025/06/atom-link.html",
            ],
            items.Select(i => i.Url.AbsoluteUri));
        var first = items[0];
        Assert.Equal("Ministry memo leaked to the press", first.Title);
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 8, 15, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal("en", first.Language);
        Assert.False(first.IsSitemap);
        Assert.Equal("Relative link & no date", items[1].Title);
        Assert.Null(items[1].PublishedAt);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 18, 30, 0, TimeSpan.Zero), items[2].PublishedAt);
        Assert.Equal("es", items[3].Language);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 12, 5, 0, TimeSpan.Zero), items[3].PublishedAt);
    }

    [Fact]
    public void Rss_1_0_rdf_feeds_are_read()
    {
        var items = Read("rss1-rdf.xml");

        Assert.Equal(["https://wire.example.net/a", "https://wire.example.net/b"], items.Select(i => i.Url.AbsoluteUri));
        Assert.Equal("en", items[0].Language);
        Assert.Equal(new DateTimeOffset(2025, 5, 30, 6, 0, 0, TimeSpan.Zero), items[0].PublishedAt);
    }

    [Fact]
    public void An_old_rss_with_a_doctype_and_latin1_declared_in_xml_is_read()
    {
        var items = Read("rss091-doctype.xml");

        var item = Assert.Single(items);
        Assert.Equal("Fuite au ministère", item.Title);
        Assert.Equal("fr", item.Language);
    }

    [Fact]
    public void Atom_entries_use_the_html_alternate_link_xml_base_and_xml_lang()
    {
        var items = Read("atom.xml", SourceKind.Atom);

        Assert.Equal(2, items.Count);
        Assert.Equal("https://ledger.example.org/news/contractor-documents", items[0].Url.AbsoluteUri);
        Assert.Equal("Contractor documents surface", items[0].Title);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 6, 0, 0, TimeSpan.Zero), items[0].PublishedAt);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 12, 30, 0, TimeSpan.Zero), items[0].UpdatedAt);
        Assert.Equal("en", items[0].Language);
        Assert.Equal("https://ledger.example.org/de/entwurf", items[1].Url.AbsoluteUri);
        Assert.Equal("de", items[1].Language);
        Assert.Null(items[1].UpdatedAt);
    }

    [Fact]
    public void Sitemaps_give_locations_and_last_modified()
    {
        var items = Read("sitemap.xml", SourceKind.Sitemap);

        Assert.Equal(["https://harbour.example.com/stories/one.html", "https://harbour.example.com/stories/two.html"], items.Select(i => i.Url.AbsoluteUri));
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), items[0].UpdatedAt);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 10, 20, 30, TimeSpan.Zero), items[1].UpdatedAt);
        Assert.All(items, i => Assert.False(i.IsSitemap));
    }

    [Fact]
    public void A_sitemap_index_gives_child_sitemaps_flagged_to_follow()
    {
        var items = Read("sitemap-index.xml", url: "https://harbour.example.com/sitemap.xml");

        Assert.Equal(["https://harbour.example.com/sitemaps/2025-06.xml", "https://harbour.example.com/sitemaps/2025-05.xml"], items.Select(i => i.Url.AbsoluteUri));
        Assert.All(items, i => Assert.True(i.IsSitemap));
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero), items[0].UpdatedAt);
    }

    [Fact]
    public void News_sitemaps_give_titles_publication_dates_and_languages()
    {
        var items = Read("news-sitemap.xml", SourceKind.NewsSitemap);

        Assert.Equal(2, items.Count);
        Assert.Equal("Budget memo leaked before the vote", items[0].Title);
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 6, 45, 0, TimeSpan.Zero), items[0].PublishedAt);
        Assert.Equal("en", items[0].Language);
        Assert.Equal("es", items[1].Language);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero), items[1].PublishedAt);
    }

    [Theory]
    [InlineData(SourceKind.UrlList)]
    [InlineData(SourceKind.Auto)]
    public void Url_lists_skip_comments_and_blank_lines_and_resolve_relative_lines(SourceKind kind)
    {
        var items = Reader.Read(Fixture("urls.txt", "https://digest.example.com/lists/today.txt", "text/plain"), kind);

        Assert.Equal(
            ["https://digest.example.com/a.html", "https://digest.example.com/b.html", "https://digest.example.com/relative/c.html"],
            items.Select(i => i.Url.AbsoluteUri));
    }

    [Fact]
    public void A_document_that_is_not_xml_is_refused_with_a_reason()
    {
        var declared = Assert.Throws<FeedFormatException>(() => Read("not-xml.json", SourceKind.Rss));
        var sniffed = Assert.Throws<FeedFormatException>(() => Read("not-xml.json"));

        Assert.Contains("not XML (expected an RSS feed)", declared.Message, StringComparison.Ordinal);
        Assert.Contains("neither XML nor a list of URLs", sniffed.Message, StringComparison.Ordinal);
        Assert.Equal(FailureReason.UnsupportedContent, declared.Reason);
        Assert.IsAssignableFrom<FetchException>(declared);
        Assert.False(declared.IsTransient);
    }

    [Theory]
    [InlineData(SourceKind.Auto)]
    [InlineData(SourceKind.Rss)]
    [InlineData(SourceKind.UrlList)]
    public void An_html_page_instead_of_a_feed_is_refused(SourceKind kind)
    {
        var failure = Assert.Throws<FeedFormatException>(() => Reader.Read(Fixture("html-page.html", "https://gazette.example.com/", "text/html"), kind));

        Assert.Contains(kind == SourceKind.UrlList ? "not a list of URLs" : "an HTML page, not a feed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("https://gazette.example.com/", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("entity-bomb.xml")]
    [InlineData("external-entity.xml")]
    public void Entity_declarations_are_never_expanded(string name)
    {
        var clock = Stopwatch.StartNew();

        var failure = Assert.Throws<FeedFormatException>(() => Read(name));

        Assert.Contains("not well-formed XML", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", failure.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Broken_xml_and_a_foreign_root_are_refused()
    {
        var broken = Assert.Throws<FeedFormatException>(() => Read("broken.xml"));
        var foreign = Assert.Throws<FeedFormatException>(() => Read("wrong-root.xml"));

        Assert.Contains("not well-formed XML", broken.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected root element <catalog>", foreign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_kind_must_match_the_document()
    {
        var failure = Assert.Throws<FeedFormatException>(() => Read("atom.xml", SourceKind.Rss));

        Assert.Contains("declared as an RSS feed but the root element is <feed>", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_links_are_kept_only_inside_a_local_feed()
    {
        var xml = """<rss version="2.0"><channel><item><link>articles/a.html</link></item><item><link>file:///etc/passwd</link></item></channel></rss>""";
        var local = new RawDocument(new Uri("file:///srv/pipelines/demo/feed.xml"), Encoding.UTF8.GetBytes(xml), "application/xml", null);
        var published = new RawDocument(new Uri("https://gazette.example.com/feed.xml"), Encoding.UTF8.GetBytes(xml), "application/xml", null);

        Assert.Equal(["file:///srv/pipelines/demo/articles/a.html", "file:///etc/passwd"], Reader.Read(local, SourceKind.Auto).Select(i => i.Url.AbsoluteUri));
        Assert.Equal(["https://gazette.example.com/articles/a.html"], Reader.Read(published, SourceKind.Auto).Select(i => i.Url.AbsoluteUri));
    }

    [Fact]
    public void A_feed_in_latin1_without_an_encoding_declaration_uses_the_transport_charset()
    {
        var bytes = Encoding.Latin1.GetBytes("<rss version=\"2.0\"><channel><item><title>Café leak</title><link>https://x.example.com/a</link></item></channel></rss>");

        var item = Assert.Single(Reader.Read(new RawDocument(new Uri("https://x.example.com/feed"), bytes, "application/rss+xml", "iso-8859-1"), SourceKind.Auto));

        Assert.Equal("Café leak", item.Title);
    }

    [Fact]
    public void Utf16_feeds_with_a_byte_order_mark_are_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(
            "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><item><link>https://x.example.com/u</link></item></channel></rss>")).ToArray();

        var item = Assert.Single(Reader.Read(new RawDocument(new Uri("https://x.example.com/feed"), bytes, "application/xml", null), SourceKind.Rss));

        Assert.Equal("https://x.example.com/u", item.Url.AbsoluteUri);
    }

    [Fact]
    public void Empty_binary_and_oversized_documents_are_refused()
    {
        var noise = new byte[2048];
        new Random(5).NextBytes(noise);
        var url = new Uri("https://x.example.com/feed");

        Assert.Contains("empty", Assert.Throws<FeedFormatException>(() => Reader.Read(new RawDocument(url, "  \n"u8.ToArray(), "text/xml", null), SourceKind.Auto)).Message, StringComparison.Ordinal);
        Assert.Contains("binary", Assert.Throws<FeedFormatException>(() => Reader.Read(new RawDocument(url, noise, "text/xml", null), SourceKind.Auto)).Message, StringComparison.Ordinal);
        var tooLarge = Assert.Throws<FetchException>(() => new FeedReader(maxBytes: 100).Read(new RawDocument(url, new byte[101], "text/xml", null), SourceKind.Auto));
        Assert.Equal(FailureReason.TooLarge, tooLarge.Reason);
    }
}
