using System.Globalization;
using System.Net;

namespace NewsLeakExtractor.Tests.Service;

/// <summary>
/// News pages written for these tests: each tells an invented leak (who gave what to which outlet, and a reaction),
/// varied by number so a batch of hundreds is not one page repeated.
/// </summary>
internal static class SyntheticArticles
{
    private static readonly string[] Leakers =
    [
        "Marta Velasquez", "Tobias Lindqvist", "Irene Okafor", "Pavel Duchamp", "Helen Marsh", "Samir Haddou", "Clara Benedetti", "Jonas Ekberg",
    ];

    private static readonly string[] Agencies =
    [
        "the Ministry of Ports", "the National Water Board", "the Federal Audit Office", "the Coastal Defence Agency", "the Rail Safety Authority",
    ];

    private static readonly string[] Outlets = ["the Harbour Ledger", "the Northern Courier", "the Valley Sentinel", "the Daily Meridian"];

    private static readonly string[] Documents =
    [
        "internal audit reports", "a draft procurement memo", "confidential inspection records", "budget planning papers", "emails about a tender",
    ];

    public static string Leaker(int n) => Leakers[n % Leakers.Length];

    public static string Title(int n, int version = 1) =>
        $"Official {(version > 1 ? "admits" : "accused of")} leaking {Documents[n % Documents.Length]} (report {n})";

    public static DateTimeOffset Published(int n) => new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero).AddHours(n);

    /// <summary>An article page with site furniture around the story; <paramref name="version"/> 2 adds an update paragraph.</summary>
    public static string Page(int n, string title, int version = 1)
    {
        var leaker = Leaker(n);
        var agency = Agencies[n % Agencies.Length];
        var outlet = Outlets[n % Outlets.Length];
        var documents = Documents[n % Documents.Length];
        var published = Published(n).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var update = version > 1
            ? $"<p>In a statement issued on Friday, {leaker} admitted passing the files and said the public deserved to know about report {n}.</p>"
            : "";
        var encodedTitle = WebUtility.HtmlEncode(title);
        var jsonLd = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["@type"] = "NewsArticle",
            ["headline"] = title,
            ["datePublished"] = published,
            ["author"] = new Dictionary<string, string> { ["@type"] = "Person", ["name"] = "Ruth Amberly" },
        });
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{{encodedTitle}} | Test Gazette</title>
            <meta property="og:site_name" content="Test Gazette">
            <script type="application/ld+json">{{jsonLd}}</script>
            </head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
            <div class="share-bar"><a href="#">Share</a> <a href="#">Post</a> <a href="#">Email</a></div>
            <article>
            <h1>{{encodedTitle}}</h1>
            <p class="byline">By Ruth Amberly</p>
            <p>{{leaker}}, a senior official at {{agency}}, leaked {{documents}} to {{outlet}}, according to court filings seen by the Test Gazette on Tuesday.</p>
            <p>The documents described how contracts worth millions were awarded without competition during the past two years, {{outlet}} reported.</p>
            <p>"This was a serious breach of trust and we will pursue it through every available channel," a spokesperson for {{agency}} said in a statement.</p>
            <p>Lawyers for {{leaker}} declined to comment on the case, which is expected to reach a hearing in the spring.</p>
            {{update}}
            <p>The agency said an internal review of how the material left its offices had already begun and would report by the end of the year.</p>
            </article>
            <aside class="related"><h2>Related</h2><ul><li><a href="/a">Port budget row deepens</a></li><li><a href="/b">Water board chief resigns</a></li></ul></aside>
            <footer>Copyright Test Gazette. All rights reserved.</footer>
            </body></html>
            """;
    }

    /// <summary>A page in German: stored as skipped for an English-only source.</summary>
    public static string GermanPage() => """
        <!doctype html><html lang="de"><head><meta charset="utf-8"><title>Ein Bericht über den Hafen</title></head><body><article>
        <h1>Ein Bericht über den Hafen</h1>
        <p>Die Behörde hat am Dienstag mitgeteilt, dass die Arbeiten am neuen Hafenbecken im kommenden Jahr beginnen sollen und die Kosten gestiegen sind.</p>
        <p>Nach Angaben der Stadt werden die Anwohner in den nächsten Wochen über die Einzelheiten der Planung und die Verkehrsführung informiert.</p>
        <p>Der Stadtrat will im Herbst über die Finanzierung entscheiden, nachdem die Prüfer ihren Bericht vorgelegt haben.</p>
        </article></body></html>
        """;

    /// <summary>An RSS 2.0 feed listing the given item paths under <paramref name="baseUri"/>.</summary>
    public static string Rss(Uri baseUri, IEnumerable<(string Path, string Title, DateTimeOffset Published)> items)
    {
        var entries = string.Concat(items.Select(item =>
            $"<item><title>{WebUtility.HtmlEncode(item.Title)}</title><link>{new Uri(baseUri, item.Path)}</link>"
            + $"<pubDate>{item.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>\n"));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Test Gazette</title><link>{baseUri}</link><description>Test feed</description><language>en</language>
            {entries}</channel></rss>
            """;
    }
}
