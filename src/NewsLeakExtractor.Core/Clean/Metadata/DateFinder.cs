using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean.Metadata;

/// <summary>
/// The publication date, from the most to the least explicit statement: JSON-LD datePublished, publication
/// &lt;meta&gt;, microdata and &lt;time&gt; elements of the article, a date written in the article's dateline, the date in
/// the URL, and last the modification date.
/// </summary>
internal static partial class DateFinder
{
    private const int MaxDatelineText = 120;
    private const int MinBodyParagraph = 150;

    private static readonly ILookup<string, string> DateClasses = Lexicon.Lines("cleaning/metadata/date-classes.txt")
        .Select(line => line.Split('\t', 2, StringSplitOptions.TrimEntries))
        .Where(parts => parts.Length == 2)
        .ToLookup(parts => parts[0], parts => parts[1].ToLowerInvariant(), StringComparer.Ordinal);

    private static readonly string[] Published = DateClasses["published"].ToArray();
    private static readonly string[] Modified = DateClasses["modified"].ToArray();
    private static readonly string[] Dateline = DateClasses["dateline"].ToArray();

    private static readonly IReadOnlyList<string> PublishedMeta = MetaTags.KeysFor("published");
    private static readonly IReadOnlyList<string> ModifiedMeta = MetaTags.KeysFor("modified");

    public static DateTimeOffset? Find(IDocument document, MetaTags meta, JsonLdArticle? jsonLd, IEnumerable<Uri?> urls)
    {
        if (DateParser.Parse(jsonLd?.DatePublished) is { } published)
        {
            return published;
        }

        foreach (var name in PublishedMeta)
        {
            foreach (var value in meta.All(name))
            {
                if (DateParser.Parse(value) is { } fromMeta)
                {
                    return fromMeta;
                }
            }
        }

        if (DateParser.Parse(jsonLd?.DateCreated) is { } created)
        {
            return created;
        }

        var scope = BylineFinder.ArticleScope(document) ?? document.Body;
        if (scope is not null && (FromElements(scope) ?? (document.Body is { } body && body != scope ? FromElements(body) : null)) is { } fromDom)
        {
            return fromDom;
        }

        foreach (var url in urls)
        {
            if (url is not null && FromUrl(url) is { } fromUrl)
            {
                return fromUrl;
            }
        }

        if (DateParser.Parse(jsonLd?.DateModified) is { } modified)
        {
            return modified;
        }

        foreach (var name in ModifiedMeta)
        {
            if (DateParser.Parse(meta.First(name)) is { } fromModified)
            {
                return fromModified;
            }
        }

        return null;
    }

    /// <summary>Microdata datePublished, then &lt;time&gt; elements marked as publication, then the first &lt;time&gt;, then a written dateline.</summary>
    private static DateTimeOffset? FromElements(IElement scope)
    {
        // Within the article its own aside and footer carry its dates; page-wide they belong to other stories.
        var inArticle = scope.LocalName != "body";
        var firstLong = scope.QuerySelectorAll("p").FirstOrDefault(p => p.TextContent.Length >= MinBodyParagraph);
        bool Usable(IElement e) => !BylineFinder.IsFurniture(e, scope, allowAsides: inArticle);
        bool BeforeBody(IElement e) => firstLong is null || e.CompareDocumentPosition(firstLong).HasFlag(DocumentPositions.Following);

        foreach (var element in scope.QuerySelectorAll("[itemprop~='datePublished' i], [itemprop~='dateCreated' i]").Where(Usable))
        {
            if (DateParser.Parse(element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? element.TextContent) is { } date)
            {
                return date;
            }
        }

        // Microformats (hAtom) put the machine-readable date in a title: <abbr class="published" title="2019-01-02T03:04:05Z">.
        foreach (var element in scope.QuerySelectorAll("abbr[title], [class~='published' i][title], [class~='dtstamp' i][title], [class~='dt-published' i]").Where(Usable))
        {
            if ((HasMark(element, Published) || element.ClassList.Contains("dtstamp")) && !HasMark(element, Modified)
                && DateParser.Parse(element.GetAttribute("datetime") ?? element.GetAttribute("title") ?? element.GetAttribute("content")) is { } date)
            {
                return date;
            }
        }

        var times = scope.QuerySelectorAll("time").Where(t => Usable(t) && (inArticle || BeforeBody(t))).ToList();
        var ordered = times.Where(t => t.HasAttribute("pubdate") || HasMark(t, Published) || (t.ParentElement is { } p && HasMark(p, Published)))
            .Concat(times.Where(t => !HasMark(t, Modified)));
        foreach (var time in ordered)
        {
            if (DateParser.Parse(time.GetAttribute("datetime") ?? time.GetAttribute("content")) is { } date)
            {
                return date;
            }
        }

        // A dateline written for readers: "April 5, 2018 | 6:00 PM", "Publié le 30 avril 2015 à 07h19".
        foreach (var element in scope.QuerySelectorAll("*"))
        {
            if (element.LocalName is "script" or "style" || !(element.LocalName == "time" || HasMark(element, Dateline)))
            {
                continue;
            }

            var text = element.TextContent;
            if (text.Length is > 5 and < MaxDatelineText && !HasMark(element, Modified) && Usable(element) && (inArticle || BeforeBody(element))
                && DateParser.ParseWritten(text) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static bool HasMark(IElement element, string[] fragments)
    {
        var marks = $"{element.ClassName} {element.Id}".ToLowerInvariant();
        return marks.Length > 1 && fragments.Any(f => marks.Contains(f, StringComparison.Ordinal));
    }

    /// <summary>A date in the path: /2015/04/30/, /2015-04-30/, /20150430/ (a year and month alone say too little).</summary>
    internal static DateTimeOffset? FromUrl(Uri url)
    {
        var path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
        var match = UrlDate().Match(path);
        return match.Success ? DateParser.Parse($"{match.Groups["y"].Value}-{match.Groups["m"].Value}-{match.Groups["d"].Value}") : null;
    }

    [GeneratedRegex(@"(?<![\d])(?<y>(?:19|20)\d{2})(?:[/_-](?<m>0?[1-9]|1[0-2])[/_-](?<d>0?[1-9]|[12]\d|3[01])|(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01]))(?=[/_.-]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

}
