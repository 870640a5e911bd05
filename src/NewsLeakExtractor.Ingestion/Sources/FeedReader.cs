using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using NewsLeakExtractor.Clean;
using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>
/// Turns a fetched feed, sitemap or URL list into its items. <see cref="SourceKind.Auto"/> sniffs the document;
/// a declared kind must match what the document is. Links are resolved against the document's URL and only web
/// links survive (file: links only inside a local file: feed). A sitemap index yields its child sitemaps with
/// <see cref="FeedItem.IsSitemap"/> set; the caller fetches and reads those in turn.
/// </summary>
public sealed partial class FeedReader
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private readonly long _maxBytes;

    public FeedReader(long maxBytes = DefaultMaxBytes) => _maxBytes = maxBytes;

    /// <exception cref="FeedFormatException">The document is no feed of the expected kind.</exception>
    /// <exception cref="FetchException">The document exceeds the size cap (<see cref="FailureReason.TooLarge"/>).</exception>
    public IReadOnlyList<FeedItem> Read(RawDocument document, SourceKind kind)
    {
        var bytes = document.Content.Span;
        if (bytes.Length > _maxBytes)
        {
            throw new FetchException(FailureReason.TooLarge, $"feed of {bytes.Length:N0} bytes exceeds the {_maxBytes:N0}-byte cap ({document.Source})");
        }

        var head = DecodeHead(bytes);
        if (head.Trim().Length == 0)
        {
            throw new FeedFormatException(document.Source, "the document is empty");
        }

        if (!IsUtf16(bytes) && CharsetDecoder.LooksBinary(bytes))
        {
            throw new FeedFormatException(document.Source, "binary content");
        }

        var items = new FeedItemCollector(document.Source);
        var markup = head.TrimStart().StartsWith('<');
        if (kind == SourceKind.UrlList || (kind == SourceKind.Auto && !markup))
        {
            ReadUrlList(document, kind, markup, items);
            return items.Items;
        }

        if (!markup)
        {
            throw new FeedFormatException(document.Source, $"not XML (expected {Describe(kind)}); it starts with '{FirstLine(head)}'");
        }

        if (LooksLikeHtml().IsMatch(head))
        {
            throw new FeedFormatException(document.Source, "an HTML page, not a feed (the URL may be the site's front page rather than its RSS link)");
        }

        var root = LoadXml(document).Root!;
        ReadXml(root, kind, items);
        return items.Items;
    }

    private void ReadXml(XElement root, SourceKind kind, FeedItemCollector items)
    {
        var source = items.DocumentUrl;
        if (root.Name.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException(source, "an XHTML page, not a feed");
        }

        var isRss = RssFeedParser.Accepts(root);
        var isAtom = AtomFeedParser.Accepts(root);
        var isSitemap = SitemapParser.Accepts(root);
        if (!isRss && !isAtom && !isSitemap)
        {
            throw new FeedFormatException(source, $"unexpected root element <{root.Name.LocalName}> (expected rss, rdf:RDF, feed, urlset or sitemapindex)");
        }

        var matches = kind switch
        {
            SourceKind.Rss => isRss,
            SourceKind.Atom => isAtom,
            SourceKind.Sitemap or SourceKind.NewsSitemap => isSitemap,
            _ => true,
        };
        if (!matches)
        {
            throw new FeedFormatException(source, $"declared as {Describe(kind)} but the root element is <{root.Name.LocalName}> (set \"kind\": \"auto\" to sniff)");
        }

        if (isRss)
        {
            RssFeedParser.Parse(root, items);
        }
        else if (isAtom)
        {
            AtomFeedParser.Parse(root, items);
        }
        else
        {
            SitemapParser.Parse(root, items);
        }
    }

    private XDocument LoadXml(RawDocument document)
    {
        try
        {
            return SafeXmlLoader.Load(document.Content, document.Charset, _maxBytes);
        }
        catch (XmlException e)
        {
            throw new FeedFormatException(document.Source, $"not well-formed XML: {FirstLine(e.Message)}", e);
        }
    }

    private static void ReadUrlList(RawDocument document, SourceKind kind, bool markup, FeedItemCollector items)
    {
        if (markup)
        {
            throw new FeedFormatException(document.Source, "markup (HTML or XML), not a list of URLs");
        }

        var (lines, urls) = UrlListParser.Parse(CharsetDecoder.Decode(document), items);

        // Sniffing must not take an article served as text for a URL list: most of its lines have to be URLs.
        if (kind == SourceKind.Auto && (urls == 0 || urls * 2 < lines))
        {
            throw new FeedFormatException(document.Source, "neither XML nor a list of URLs");
        }

        if (urls == 0 && lines > 0)
        {
            throw new FeedFormatException(document.Source, "a URL list without a single usable URL");
        }
    }

    private static bool IsUtf16(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    /// <summary>The first kilobyte as text, enough to tell markup from a list and HTML from XML.</summary>
    private static string DecodeHead(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(head[2..]);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(head[2..]);
        }

        return Encoding.UTF8.GetString(head).TrimStart('\uFEFF');
    }

    private static string FirstLine(string text)
    {
        var line = text.TrimStart().Split('\n', 2)[0].Trim();
        return line.Length > 60 ? line[..60] + "…" : line;
    }

    private static string Describe(SourceKind kind) => kind switch
    {
        SourceKind.Rss => "an RSS feed",
        SourceKind.Atom => "an Atom feed",
        SourceKind.Sitemap => "a sitemap",
        SourceKind.NewsSitemap => "a news sitemap",
        SourceKind.UrlList => "a URL list",
        _ => "a feed",
    };

    /// <summary>An HTML doctype or an html element before any feed root.</summary>
    [GeneratedRegex(@"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex LooksLikeHtml();
}
