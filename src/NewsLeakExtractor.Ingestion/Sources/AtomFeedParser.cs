using System.Xml.Linq;

namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>Atom 1.0 (and the 0.3 element names still seen): <c>feed/entry</c> with alternate links, dates and xml:lang.</summary>
internal static class AtomFeedParser
{
    public static bool Accepts(XElement root) => root.Name.LocalName == "feed";

    public static void Parse(XElement root, FeedItemCollector items)
    {
        var ns = root.Name.Namespace;
        foreach (var entry in root.Elements(ns + "entry"))
        {
            var url = items.Resolve(AlternateLink(entry, ns), items.BaseOf(entry));
            if (url is null)
            {
                continue;
            }

            var published = FeedDates.Parse(Value(entry, ns, "published") ?? Value(entry, ns, "issued"));
            var updated = FeedDates.Parse(Value(entry, ns, "updated") ?? Value(entry, ns, "modified"));
            items.Add(url, Value(entry, ns, "title"), published, updated, FeedItemCollector.XmlLanguageOf(entry));
        }
    }

    /// <summary>rel="alternate" (the default when rel is absent), preferring an HTML one over other types.</summary>
    private static string? AlternateLink(XElement entry, XNamespace ns)
    {
        var alternates = entry.Elements(ns + "link")
            .Where(link => ((string?)link.Attribute("rel") ?? "alternate").Trim() == "alternate" && !string.IsNullOrWhiteSpace((string?)link.Attribute("href")))
            .ToList();
        var html = alternates.FirstOrDefault(link => ((string?)link.Attribute("type"))?.Contains("html", StringComparison.OrdinalIgnoreCase) == true);
        return (string?)(html ?? alternates.FirstOrDefault())?.Attribute("href");
    }

    private static string? Value(XElement parent, XNamespace ns, string localName) =>
        parent.Element(ns + localName)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
