using System.Xml.Linq;

namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>
/// XML sitemaps: <c>urlset/url</c> with <c>loc</c> and <c>lastmod</c>, the Google News extension
/// (<c>news:news</c> with <c>publication_date</c>, <c>title</c> and <c>publication/language</c>), and sitemap
/// indexes, whose child sitemaps come back with <see cref="FeedItem.IsSitemap"/> set for the caller to follow.
/// </summary>
internal static class SitemapParser
{
    private static readonly XNamespace GoogleNews = "http://www.google.com/schemas/sitemap-news/0.9";

    public static bool Accepts(XElement root) => root.Name.LocalName is "urlset" or "sitemapindex";

    public static void Parse(XElement root, FeedItemCollector items)
    {
        var ns = root.Name.Namespace;
        var isIndex = root.Name.LocalName == "sitemapindex";
        foreach (var entry in root.Elements(ns + (isIndex ? "sitemap" : "url")))
        {
            var url = items.Resolve(entry.Element(ns + "loc")?.Value, items.BaseOf(entry));
            if (url is null)
            {
                continue;
            }

            var lastModified = FeedDates.Parse(entry.Element(ns + "lastmod")?.Value);
            var news = entry.Element(GoogleNews + "news");
            if (news is null)
            {
                items.Add(url, null, null, lastModified, null, isSitemap: isIndex);
                continue;
            }

            var published = FeedDates.Parse(news.Element(GoogleNews + "publication_date")?.Value);
            var language = news.Element(GoogleNews + "publication")?.Element(GoogleNews + "language")?.Value;
            items.Add(url, news.Element(GoogleNews + "title")?.Value, published, lastModified, language);
        }
    }
}
