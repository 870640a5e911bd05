using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsLeakExtractor.Clean.Metadata;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// Reads title, byline, dates, canonical URL, site name, language and description from an untouched page.
/// Sources, most explicit first: JSON-LD (schema.org, including @graph), OpenGraph and other &lt;meta&gt;,
/// microdata and the page's own markup (&lt;title&gt;, &lt;h1&gt;, bylines, &lt;time&gt;), and the URL.
/// </summary>
public sealed partial class MetadataExtractor
{
    private const int MaxSiteNameWords = 8;

    private static readonly IReadOnlyList<string> SiteNameMeta = MetaTags.KeysFor("site");
    private static readonly IReadOnlyList<string> AppNameMeta = MetaTags.KeysFor("app");
    private static readonly IReadOnlyList<string> DescriptionMeta = MetaTags.KeysFor("description");
    private static readonly IReadOnlyList<string> LanguageMeta = MetaTags.KeysFor("language");
    private static readonly IReadOnlyList<string> PersonMeta = MetaTags.KeysFor("author");
    private static readonly IReadOnlyList<string> OtherTitleMeta = MetaTags.KeysFor("title");

    public PageMetadata Extract(IDocument document, Uri source)
    {
        using var tree = PageTree.Build(document);
        return Extract(tree, source);
    }

    /// <summary>Reads the metadata of a page already walked (the cleaner shares one walk with the main text).</summary>
    internal PageMetadata Extract(PageTree tree, Uri source)
    {
        var document = tree.Document;
        var index = new PageIndex(tree);
        var meta = MetaTags.Read(index);
        var statedUrls = new[] { index.Canonical, meta.First("og:url") }
            .Select(href => Resolve(href, source)).Append(source);
        var jsonLd = JsonLdArticle.Find(index.JsonLdBlocks, statedUrls);

        var canonical = ChooseCanonical(index, meta, jsonLd, source);
        var ogUrl = Resolve(meta.First("og:url"), source);
        var titleSources = TitleSources(index, meta, jsonLd);

        var headings = Headings(index);

        // Some pages repeat the headline in application-name and the like: an app name equal to a title or heading is none.
        var titleKeys = titleSources.Select(t => t.Text).Concat(headings).Select(MetaText.Key).ToHashSet(StringComparer.Ordinal);
        var siteName = ChooseSiteName(meta, jsonLd, titleKeys);
        var evidence = new SiteEvidence();
        evidence.AddName(siteName);
        foreach (var name in new[] { jsonLd?.Publisher, jsonLd?.WebSiteName, meta.First("twitter:site"), meta.First("og:site_name") })
        {
            evidence.AddName(MetaText.Clean(name));
        }

        foreach (var name in AppNameMeta.Select(key => MetaText.Clean(meta.First(key))))
        {
            if (name is not null && !titleKeys.Contains(MetaText.Key(name)))
            {
                evidence.AddName(name);
            }
        }

        evidence.AddHost(source);
        evidence.AddHost(canonical);
        evidence.AddHost(ogUrl);

        // "Jane Doe, CNN Business": the outlet after the people is no author, unless it is all there is.
        var authors = ChooseAuthors(index, meta, jsonLd);
        if (authors.Count > 1 && authors.Any(a => !evidence.NamesSite(a)))
        {
            authors = authors.Where(a => !evidence.NamesSite(a)).ToList();
        }

        foreach (var author in authors)
        {
            evidence.AddName(author);
        }

        var title = TitleChooser.Choose(titleSources, headings, evidence);
        var published = DateFinder.Find(index, meta, jsonLd, [source, canonical, ogUrl]);

        return new PageMetadata(
            title,
            authors.Count == 0 ? null : string.Join(", ", authors),
            published,
            canonical,
            siteName,
            DeclaredLanguage(document, meta, jsonLd),
            MetaText.Clean(meta.First(DescriptionMeta) ?? jsonLd?.Description))
        {
            StructuredBody = jsonLd?.ArticleBody,
        };
    }

    private static List<TitleSource> TitleSources(PageIndex index, MetaTags meta, JsonLdArticle? jsonLd)
    {
        var sources = new List<TitleSource>();
        void Add(string family, string? text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                sources.Add(new TitleSource(family, text));
            }
        }

        Add("jsonld", jsonLd?.Headline);
        if (jsonLd is { IsArticle: true } || jsonLd?.Headline is null)
        {
            Add("jsonld", jsonLd?.Name);
        }

        Add("og", meta.First("og:title"));
        foreach (var key in OtherTitleMeta)
        {
            Add("meta", meta.First(key));
        }

        Add("twitter", meta.First("twitter:title"));
        Add("document", (index.Tag("title").FirstOrDefault(t => t.ParentElement?.LocalName == "head") ?? (index.Tag("title") is { Count: > 0 } titles ? titles[0] : null)) is { } title ? NodeText.Of(title) : null);
        return sources;
    }

    /// <summary>The page's top-level headings: every &lt;h1&gt; and microdata headline, in document order.</summary>
    private static List<string> Headings(PageIndex index) =>
        index.Tag("h1").Concat(index.WithItemprop.Where(e => e.LocalName != "meta" && PageIndex.HasToken(e.GetAttribute("itemprop"), "headline")))
            .Take(8)
            .Select(NodeText.Of)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .ToList();

    /// <summary>
    /// Every author's name, from the first source that names any: JSON-LD persons, author &lt;meta&gt;, JSON-LD
    /// organisations, the page's byline markup, and last a Twitter creator that reads as a name.
    /// </summary>
    private static List<string> ChooseAuthors(PageIndex index, MetaTags meta, JsonLdArticle? jsonLd)
    {
        var people = jsonLd?.Authors.Where(a => !a.IsOrganization).SelectMany(a => PersonNames.Split(a.Name, surnameFirst: a.IsSingle)).ToList() ?? [];
        if (people.Count > 0)
        {
            return Distinct(people);
        }

        foreach (var key in PersonMeta)
        {
            // Dublin Core and citation fields hold one person each, often surname first ("Doe, Jane").
            var single = key.StartsWith("dc", StringComparison.OrdinalIgnoreCase) || key.StartsWith("citation", StringComparison.OrdinalIgnoreCase);
            var names = meta.All(key).SelectMany(v => PersonNames.Split(v, surnameFirst: single)).ToList();
            if (names.Count > 0)
            {
                return Distinct(names);
            }
        }

        // An organisation named as author in JSON-LD (a wire service, "Staff") is more trustworthy than a guess from markup.
        var organizations = jsonLd?.Authors.Where(a => a.IsOrganization).Select(a => MetaText.Clean(a.Name)).Where(PersonNames.IsName).Cast<string>().ToList() ?? [];
        if (organizations.Count > 0)
        {
            return Distinct(organizations);
        }

        var byline = BylineFinder.Find(index);
        if (byline.Count > 0)
        {
            return byline;
        }

        // A Twitter creator that is not the site's own account is the author's handle; keep it only if it reads as a name.
        var creator = MetaText.Clean(meta.First("twitter:creator"));
        var site = MetaText.Clean(meta.First("twitter:site"));
        if (creator is not null && !creator.StartsWith('@') && MetaText.Key(creator) != MetaText.Key(site?.TrimStart('@'))
            && PersonNames.IsName(creator))
        {
            return [creator];
        }

        return [];
    }

    private static List<string> Distinct(IEnumerable<string> names) => names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string? ChooseSiteName(MetaTags meta, JsonLdArticle? jsonLd, HashSet<string> titleKeys)
    {
        var name = new[] { (Name: jsonLd?.Publisher, Key: "publisher") }
            .Concat(SiteNameMeta.Select(key => (Name: meta.First(key), Key: key)))
            .Append((Name: jsonLd?.WebSiteName, Key: "website"))
            .Select(c => (Name: MetaText.Clean(c.Name), c.Key))
            .Where(c => c.Name is not null && !(AppNameMeta.Contains(c.Key, StringComparer.OrdinalIgnoreCase) && titleKeys.Contains(MetaText.Key(c.Name))))
            .Select(c => c.Name!)
            .FirstOrDefault(n => !n.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !n.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
                                 && (MetaText.WordCount(n) <= MaxSiteNameWords || TitleChooser.FirstSeparator(n) is not null));
        if (name is null)
        {
            return null;
        }

        name = name.TrimStart('@');

        // "Example.com - News you can use", "The Post | Post.com": the name without its tagline or domain.
        if (TitleChooser.FirstSeparator(name) is { } separator)
        {
            var head = name[..separator.Index].Trim();
            var tail = name[(separator.Index + separator.Length)..].Trim();
            if (MetaText.WordCount(head) <= 4 && (MetaText.WordCount(tail) >= 2 || DomainLike().IsMatch(tail)))
            {
                return head;
            }
        }

        return name;
    }

    private static Uri? ChooseCanonical(PageIndex index, MetaTags meta, JsonLdArticle? jsonLd, Uri source)
    {
        var candidates = new[]
            {
                index.Canonical,
                meta.First("og:url"),
                meta.First("twitter:url"),
                jsonLd?.Url,
            }
            .Select(href => Resolve(href, source))
            .Where(u => u is not null && !u.IsFile)
            .Select(u => WithoutFragment(u!))
            .ToList();

        // A canonical link to the home page is a template mistake when another statement names the article itself.
        return candidates.FirstOrDefault(u => u.AbsolutePath.Length > 1) ?? candidates.FirstOrDefault();
    }

    /// <summary>A JSON-LD "@id" such as ".../story#webpage" names the page; the fragment is not part of its address.</summary>
    private static Uri WithoutFragment(Uri url) =>
        url.Fragment.Length == 0 ? url : new UriBuilder(url) { Fragment = string.Empty }.Uri;

    private static Uri? Resolve(string? href, Uri source)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (href.StartsWith("//", StringComparison.Ordinal) && source.IsFile)
        {
            href = "https:" + href;
        }

        return Uri.TryCreate(source, href, out var resolved)
               && (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps || resolved.IsFile) ? resolved : null;
    }

    private static string? DeclaredLanguage(IDocument document, MetaTags meta, JsonLdArticle? jsonLd)
    {
        var candidates = new[]
        {
            document.DocumentElement.GetAttribute("lang"),
            document.DocumentElement.GetAttribute("xml:lang"),
            meta.First(LanguageMeta),
            jsonLd?.Language,
            document.Body?.GetAttribute("lang"),
        };

        foreach (var declared in candidates)
        {
            if (string.IsNullOrWhiteSpace(declared))
            {
                continue;
            }

            var code = declared.Trim().Split('-', '_', ',', ';', ' ')[0].ToLowerInvariant();
            if (code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower))
            {
                return code;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[\w-]+(\.[\w-]+)*\.[a-z]{2,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainLike();
}
