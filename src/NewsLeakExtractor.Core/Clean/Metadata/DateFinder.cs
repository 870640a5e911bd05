using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
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

    private static readonly ClassFragments Published = new(DateClasses["published"]);
    private static readonly ClassFragments Modified = new(DateClasses["modified"]);
    private static readonly ClassFragments Dateline = new(DateClasses["dateline"]);

    private static readonly ISelector DatePublishedMicrodata = PageIndex.Selector("[itemprop~='datePublished' i], [itemprop~='dateCreated' i]");
    private static readonly ISelector MicroformatDate = PageIndex.Selector("abbr[title], [class~='published' i][title], [class~='dtstamp' i][title], [class~='dt-published' i]");

    private static readonly IReadOnlyList<string> PublishedMeta = MetaTags.KeysFor("published");
    private static readonly IReadOnlyList<string> ModifiedMeta = MetaTags.KeysFor("modified");

    public static DateTimeOffset? Find(PageIndex index, MetaTags meta, JsonLdArticle? jsonLd, IEnumerable<Uri?> urls)
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

        var tree = index.Tree;
        var scope = index.ArticleScope >= 0 ? index.ArticleScope : tree.Body;
        if (scope >= 0 && (FromElements(tree, scope) ?? (tree.Body >= 0 && tree.Body != scope ? FromElements(tree, tree.Body, searched: scope) : null)) is { } fromDom)
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

    /// <summary>
    /// Microdata datePublished, then &lt;time&gt; elements marked as publication, then the first &lt;time&gt;, then a written dateline.
    /// <paramref name="searched"/> is an article already searched in vain: its elements are not looked at again, since
    /// the page-wide rules are stricter (its aside and footer no longer count) and would find them wanting again.
    /// </summary>
    private static DateTimeOffset? FromElements(PageTree tree, int scope, int searched = -1)
    {
        // Within the article its own aside and footer carry its dates; page-wide they belong to other stories.
        var inArticle = tree[scope].LocalName != "body";

        // One pass over the scope gathers what each kind of statement below looks at, in document order.
        var microdata = new List<int>();
        var microformats = new List<int>();
        var times = new List<int>();
        var datelines = new List<int>();
        var firstLong = -1;
        for (var e = scope + 1; e < tree.End(scope); e++)
        {
            var element = tree[e];
            var name = element.LocalName;
            if (firstLong < 0 && name == "p" && tree.TextLength(e, MinBodyParagraph) >= MinBodyParagraph)
            {
                firstLong = e;
            }

            if (searched >= 0 && tree.Contains(searched, e))
            {
                continue;
            }

            // The selectors split attribute values into words for every element they test; test only elements that
            // have what they look for (an itemprop; an abbr or a class naming a date).
            if (tree.MarksOf(e).Itemprop is not null && DatePublishedMicrodata.Match(element, tree[scope]))
            {
                microdata.Add(e);
            }

            if ((name == "abbr" || MayNameMicroformatDate(tree.MarksOf(e).Class)) && MicroformatDate.Match(element, tree[scope]))
            {
                microformats.Add(e);
            }

            if (name == "time")
            {
                times.Add(e);
                datelines.Add(e);
            }
            else if (name is not ("script" or "style") && tree.HasMark(e, Dateline))
            {
                datelines.Add(e);
            }
        }

        bool Usable(int e) => !BylineFinder.IsFurniture(tree, e, scope, allowAsides: inArticle);

        // Before the first long paragraph (a paragraph inside the element counts as after it).
        bool BeforeBody(int e) => firstLong < 0 || firstLong > e;

        foreach (var e in microdata.Where(Usable))
        {
            var element = tree[e];
            if (DateParser.Parse(element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? NodeText.Of(element)) is { } date)
            {
                return date;
            }
        }

        // Microformats (hAtom) put the machine-readable date in a title: <abbr class="published" title="2019-01-02T03:04:05Z">.
        foreach (var e in microformats.Where(Usable))
        {
            var element = tree[e];
            if ((tree.HasMark(e, Published) || element.ClassList.Contains("dtstamp")) && !tree.HasMark(e, Modified)
                && DateParser.Parse(element.GetAttribute("datetime") ?? element.GetAttribute("title") ?? element.GetAttribute("content")) is { } date)
            {
                return date;
            }
        }

        var usableTimes = times.Where(t => Usable(t) && (inArticle || BeforeBody(t))).ToList();
        var ordered = usableTimes.Where(t => tree[t].HasAttribute("pubdate") || tree.HasMark(t, Published) || (tree.Parent(t) is var p && p >= 0 && tree.HasMark(p, Published)))
            .Concat(usableTimes.Where(t => !tree.HasMark(t, Modified)));
        foreach (var t in ordered)
        {
            if (DateParser.Parse(tree[t].GetAttribute("datetime") ?? tree[t].GetAttribute("content")) is { } date)
            {
                return date;
            }
        }

        // A dateline written for readers: "April 5, 2018 | 6:00 PM", "Publié le 30 avril 2015 à 07h19".
        foreach (var e in datelines)
        {
            var text = NodeText.Of(tree[e]);
            if (text.Length is > 5 and < MaxDatelineText && !tree.HasMark(e, Modified) && Usable(e) && (inArticle || BeforeBody(e))
                && DateParser.ParseWritten(text) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>A cheap necessary condition for the class part of <see cref="MicroformatDate"/>.</summary>
    private static bool MayNameMicroformatDate(string? className) =>
        className is not null && (className.Contains("published", StringComparison.OrdinalIgnoreCase) || className.Contains("dtstamp", StringComparison.OrdinalIgnoreCase));

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
