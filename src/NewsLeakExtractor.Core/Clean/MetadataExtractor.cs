using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean;

/// <summary>Reads title, byline, dates, canonical URL, site name, language and description from an untouched page.</summary>
public sealed partial class MetadataExtractor
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " « ", " » "];

    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:article:published_time", "published_time", "article.published", "article_date_original",
        "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.date",
        "dcterms.created", "sailthru.date", "parsely-pub-date", "originalpublicationdate", "cxenseparse:recs:publishtime",
        "article:modified_time", "og:updated_time", "lastmod",
    ];

    public PageMetadata Extract(IDocument document, Uri source)
    {
        var meta = ReadMetaTags(document);
        var jsonLd = JsonLdArticle.Find(document.QuerySelectorAll("script[type='application/ld+json' i]").Select(s => s.TextContent));

        var siteName = First(meta, "og:site_name", "application-name", "twitter:site:name") ?? jsonLd?.Publisher;
        var title = ChooseTitle(document, meta, jsonLd, siteName);
        var canonical = ResolveUrl(document.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href"), source)
            ?? ResolveUrl(First(meta, "og:url"), source)
            ?? ResolveUrl(jsonLd?.Url, source);

        return new PageMetadata(
            title,
            ChooseByline(document, meta, jsonLd),
            ChooseDate(document, meta, jsonLd, canonical ?? source),
            canonical,
            Clean(siteName),
            DeclaredLanguage(document, meta),
            Clean(First(meta, "description", "og:description", "twitter:description")))
        {
            StructuredBody = jsonLd?.ArticleBody,
        };
    }

    private static Dictionary<string, string> ReadMetaTags(IDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
            var value = element.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(value))
            {
                meta.TryAdd(key.Trim(), value.Trim());
            }
        }

        return meta;
    }

    private static string? First(Dictionary<string, string> meta, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (meta.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static string? ChooseTitle(IDocument document, Dictionary<string, string> meta, JsonLdArticle? jsonLd, string? siteName)
    {
        var candidates = new[] { First(meta, "og:title", "twitter:title"), jsonLd?.Headline, document.Title }
            .Select(Clean).Where(t => t is not null).Cast<string>().ToList();
        var h1 = document.QuerySelectorAll("h1").Select(h => Clean(h.TextContent)).FirstOrDefault(t => t is { Length: > 0 });
        if (candidates.Count == 0)
        {
            return h1;
        }

        var title = StripSiteSuffix(candidates[0], siteName, h1);
        return title;
    }

    /// <summary>Drops " | Site" style suffixes (and prefixes) while keeping titles that merely contain a dash.</summary>
    internal static string StripSiteSuffix(string title, string? siteName, string? h1)
    {
        if (h1 is not null && title.StartsWith(h1, StringComparison.OrdinalIgnoreCase) && h1.Split(' ').Length >= 3)
        {
            return h1;
        }

        foreach (var separator in TitleSeparators)
        {
            var index = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (index <= 0)
            {
                continue;
            }

            var head = title[..index].Trim();
            var tail = title[(index + separator.Length)..].Trim();
            var tailIsSite = siteName is not null && (tail.Contains(siteName, StringComparison.OrdinalIgnoreCase) || siteName.Contains(tail, StringComparison.OrdinalIgnoreCase));
            if (tailIsSite || (WordCount(tail) <= 4 && WordCount(head) >= 3))
            {
                return StripSiteSuffix(head, siteName, h1);
            }

            var headIsSite = siteName is not null && head.Equals(siteName, StringComparison.OrdinalIgnoreCase);
            if (headIsSite && WordCount(tail) >= 3)
            {
                return tail;
            }
        }

        return title;
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string? ChooseByline(IDocument document, Dictionary<string, string> meta, JsonLdArticle? jsonLd)
    {
        var names = new List<string>();
        if (jsonLd is { Authors.Count: > 0 })
        {
            names.AddRange(jsonLd.Authors);
        }

        if (names.Count == 0)
        {
            foreach (var value in new[] { First(meta, "author", "article:author", "byl", "sailthru.author", "parsely-author", "dc.creator", "twitter:creator") })
            {
                if (value is not null && !value.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !value.StartsWith('@'))
                {
                    names.Add(value);
                }
            }
        }

        if (names.Count == 0)
        {
            var element = document.QuerySelector("[itemprop~='author' i] [itemprop~='name' i], [itemprop~='author' i], [rel~='author' i], .byline, .author, [class*='byline' i]");
            if (element is not null && Clean(element.TextContent) is { Length: > 0 and < 120 } text)
            {
                names.Add(text);
            }
        }

        var cleaned = names.Select(n => Clean(ByPrefix().Replace(n, string.Empty)))
            .Where(n => n is { Length: > 1 })
            .Cast<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return cleaned.Count == 0 ? null : string.Join(", ", cleaned);
    }

    private static DateTimeOffset? ChooseDate(IDocument document, Dictionary<string, string> meta, JsonLdArticle? jsonLd, Uri url)
    {
        if (ParseDate(jsonLd?.DatePublished) is { } fromJsonLd)
        {
            return fromJsonLd;
        }

        foreach (var name in DateMetaNames)
        {
            if (meta.TryGetValue(name, out var value) && ParseDate(value) is { } fromMeta)
            {
                return fromMeta;
            }
        }

        foreach (var time in document.QuerySelectorAll("time[datetime], [itemprop~='datePublished' i]"))
        {
            if (ParseDate(time.GetAttribute("datetime") ?? time.GetAttribute("content")) is { } fromTime)
            {
                return fromTime;
            }
        }

        var match = UrlDate().Match(url.AbsolutePath);
        if (match.Success && DateTime.TryParseExact(
                $"{match.Groups["y"].Value}-{match.Groups["m"].Value.PadLeft(2, '0')}-{(match.Groups["d"].Success ? match.Groups["d"].Value.PadLeft(2, '0') : "01")}",
                "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var fromUrl)
            && match.Groups["d"].Success)
        {
            return new DateTimeOffset(fromUrl, TimeSpan.Zero);
        }

        return null;
    }

    internal static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) && value.Length is 10 or 13)
        {
            return value.Length == 10 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : DateTimeOffset.FromUnixTimeMilliseconds(epoch);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            && parsed.Year is > 1900 and < 2200)
        {
            return parsed.ToUniversalTime();
        }

        return null;
    }

    private static string? DeclaredLanguage(IDocument document, Dictionary<string, string> meta)
    {
        var declared = document.DocumentElement.GetAttribute("lang")
            ?? First(meta, "content-language", "og:locale", "language", "dc.language");
        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        var code = declared.Trim().Split('-', '_', ',')[0].ToLowerInvariant();
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }

    private static Uri? ResolveUrl(string? href, Uri source) =>
        !string.IsNullOrWhiteSpace(href) && Uri.TryCreate(source, href.Trim(), out var resolved)
        && (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps || resolved.IsFile) ? resolved : null;

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = TextNormalizer.CollapseWhitespace(System.Net.WebUtility.HtmlDecode(value));
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"^\s*(by|von|par|por)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"/(?<y>(19|20)\d{2})[/-](?<m>0?[1-9]|1[0-2])(?:[/-](?<d>0?[1-9]|[12]\d|3[01]))?(?=/|-|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();
}
