using System.Xml.Linq;

namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>RSS 2.0 (and 0.9x) <c>rss/channel/item</c> and RSS 1.0 <c>rdf:RDF/item</c>, with the Dublin Core and Atom extensions feeds use.</summary>
internal static class RssFeedParser
{
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace FeedBurner = "http://rssnamespace.org/feedburner/ext/1.0";
    private static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";

    public static bool Accepts(XElement root) => root.Name.LocalName is "rss" or "RDF" or "rdf";

    public static void Parse(XElement root, FeedItemCollector items)
    {
        var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        var feedLanguage = Text(channel, "language") ?? (string?)channel?.Element(DublinCore + "language") ?? FeedItemCollector.XmlLanguageOf(root);

        // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it under the root.
        var entries = (channel?.Elements() ?? []).Concat(root.Elements()).Where(e => e.Name.LocalName == "item");
        foreach (var item in entries)
        {
            var baseUri = items.BaseOf(item);
            var url = items.Resolve(LinkOf(item), baseUri);
            if (url is null)
            {
                continue;
            }

            var published = FeedDates.Parse(Text(item, "pubDate")) ?? FeedDates.Parse((string?)item.Element(DublinCore + "date"));
            var updated = FeedDates.Parse((string?)item.Element(Atom + "updated"));
            var language = (string?)item.Element(DublinCore + "language") ?? FeedItemCollector.XmlLanguageOf(item) ?? feedLanguage;
            items.Add(url, Text(item, "title") ?? (string?)item.Element(DublinCore + "title"), published, updated, language);
        }
    }

    /// <summary>
    /// The article's address: FeedBurner's original link (its plain link is a redirector), the item's link, a
    /// permalink guid (isPermaLink defaults to true), then an Atom alternate link.
    /// </summary>
    private static string? LinkOf(XElement item)
    {
        if (NonEmpty((string?)item.Element(FeedBurner + "origLink")) is { } original)
        {
            return original;
        }

        if (Text(item, "link") is { } link)
        {
            return link;
        }

        var guid = item.Elements().FirstOrDefault(e => e.Name.LocalName == "guid" && e.Name.Namespace == XNamespace.None);
        if (guid is not null && !string.Equals(((string?)guid.Attribute("isPermaLink"))?.Trim(), "false", StringComparison.OrdinalIgnoreCase)
            && NonEmpty(guid.Value) is { } permalink && permalink.Contains("://", StringComparison.Ordinal))
        {
            return permalink;
        }

        return item.Elements(Atom + "link")
            .Where(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate")
            .Select(l => NonEmpty((string?)l.Attribute("href")))
            .FirstOrDefault(href => href is not null);
    }

    /// <summary>A child in no namespace or the RSS 1.0 namespace: <c>atom:link</c> and <c>media:title</c> are other things.</summary>
    private static string? Text(XElement? parent, string localName) =>
        parent?.Elements()
            .Where(e => e.Name.LocalName == localName && (e.Name.Namespace == XNamespace.None || e.Name.Namespace == Rss10))
            .Select(e => NonEmpty(e.Value))
            .FirstOrDefault(value => value is not null);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
