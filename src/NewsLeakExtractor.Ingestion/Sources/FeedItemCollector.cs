using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>
/// Gathers the items of one document: resolves links against the document (and any <c>xml:base</c>), drops links
/// that are not web pages, cleans titles and languages, and keeps the first item of each URL.
/// </summary>
internal sealed partial class FeedItemCollector
{
    private static readonly XNamespace Xml = XNamespace.Xml;

    private readonly List<FeedItem> _items = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public FeedItemCollector(Uri documentUrl) => DocumentUrl = documentUrl;

    public Uri DocumentUrl { get; }

    public IReadOnlyList<FeedItem> Items => _items;

    /// <summary>
    /// http(s) links only; file: links are kept only inside a local (file:) feed, so a published feed can never
    /// point the service at the machine's own files.
    /// </summary>
    public Uri? Resolve(string? link, Uri baseUri)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        if (!Uri.TryCreate(baseUri, link.Trim(), out var resolved))
        {
            return null;
        }

        var web = resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps;
        var localInLocal = resolved.IsFile && DocumentUrl.IsFile;
        return web || localInLocal ? resolved : null;
    }

    /// <summary>The base for links inside <paramref name="element"/>: the document URL refined by every xml:base above it.</summary>
    public Uri BaseOf(XElement element)
    {
        var result = DocumentUrl;
        foreach (var ancestor in element.AncestorsAndSelf().Reverse())
        {
            var declared = (string?)ancestor.Attribute(Xml + "base");
            if (!string.IsNullOrWhiteSpace(declared) && Uri.TryCreate(result, declared.Trim(), out var refined))
            {
                result = refined;
            }
        }

        return result;
    }

    public void Add(Uri url, string? title, DateTimeOffset? publishedAt, DateTimeOffset? updatedAt, string? language, bool isSitemap = false)
    {
        if (_seen.Add(url.AbsoluteUri))
        {
            _items.Add(new FeedItem(url, CleanTitle(title), publishedAt, updatedAt, NormaliseLanguage(language)) { IsSitemap = isSitemap });
        }
    }

    /// <summary>The language of <paramref name="element"/> from the nearest xml:lang above it.</summary>
    public static string? XmlLanguageOf(XElement element) =>
        element.AncestorsAndSelf().Select(e => (string?)e.Attribute(Xml + "lang")).FirstOrDefault(lang => !string.IsNullOrWhiteSpace(lang));

    /// <summary>Primary subtag, lower-case: <c>en-US</c> and <c>EN_gb</c> both give <c>en</c>.</summary>
    public static string? NormaliseLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var primary = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is >= 2 and <= 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    /// <summary>Feeds often escape HTML into titles twice and wrap them across lines; the reader wants one plain line.</summary>
    public static string? CleanTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var text = title.Contains('&') ? WebUtility.HtmlDecode(title) : title;
        if (text.Contains('<'))
        {
            text = Tags().Replace(text, " ");
        }

        text = WhiteSpace().Replace(text, " ").Trim();
        return text.Length > 0 ? text : null;
    }

    [GeneratedRegex(@"<[^>]{0,500}>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
