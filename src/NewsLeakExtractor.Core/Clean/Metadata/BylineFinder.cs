using AngleSharp.Dom;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean.Metadata;

/// <summary>
/// Finds the article's authors in the page body: schema.org microdata (itemprop=author), rel=author links, then
/// elements whose class or id says byline/author. Regions about other stories (related links, comments,
/// navigation) are skipped, and the article element holding the headline is searched before the rest.
/// </summary>
internal static class BylineFinder
{
    private const int MaxBylineText = 200;
    private const int MaxGroupText = 400;

    private static readonly IReadOnlyList<string> ClassLines = Lexicon.Lines("cleaning/metadata/byline-classes.txt");
    private static readonly string[] PositiveClasses = ClassLines.Where(l => !l.StartsWith('-')).Select(l => l.ToLowerInvariant()).ToArray();
    private static readonly string[] NegativeClasses = ClassLines.Where(l => l.StartsWith('-')).Select(l => l[1..].ToLowerInvariant()).ToArray();
    private static readonly string[] AuthorUrlParts = Lexicon.Lines("cleaning/metadata/author-url-parts.txt").Select(l => l.ToLowerInvariant()).ToArray();
    private static readonly string NameSelector = string.Join(", ", Lexicon.Lines("cleaning/metadata/byline-name-classes.txt"));
    private static readonly string[] FurnitureClasses = Lexicon.Lines("cleaning/metadata/furniture-containers.txt").Select(l => l.ToLowerInvariant()).ToArray();

    public static List<string> Find(IDocument document)
    {
        var scopes = new List<IElement>();
        if (ArticleScope(document) is { } article)
        {
            scopes.Add(article);
        }

        if (document.Body is { } body)
        {
            scopes.Add(body);
        }

        foreach (var scope in scopes)
        {
            var names = FindIn(scope);
            if (names.Count > 0)
            {
                return names;
            }
        }

        return [];
    }

    /// <summary>The &lt;article&gt; (or schema.org Article item) that holds the page's first &lt;h1&gt;, or the only one.</summary>
    internal static IElement? ArticleScope(IDocument document)
    {
        var h1 = document.QuerySelector("h1");
        if (h1?.Closest("article, [itemtype*='Article' i], [itemtype*='BlogPosting' i]") is { } holder)
        {
            return holder;
        }

        var articles = document.QuerySelectorAll("article");
        return articles.Length == 1 ? articles[0] : null;
    }

    private static List<string> FindIn(IElement scope)
    {
        var strategies = new Func<IElement, bool>[]
        {
            e => HasToken(e.GetAttribute("itemprop"), "author") || HasToken(e.GetAttribute("itemprop"), "creator"),
            e => HasToken(e.GetAttribute("rel"), "author"),
            IsBylineElement,
        };

        for (var strategy = 0; strategy < strategies.Length; strategy++)
        {
            // Microdata and rel=author inside the article are explicit even in its aside or footer.
            var explicitInArticle = strategy < 2 && scope.LocalName != "body";
            var matches = strategies[strategy];
            var elements = scope.QuerySelectorAll("*").Where(e => matches(e) && !IsFurniture(e, scope, explicitInArticle)).ToList();
            foreach (var element in elements)
            {
                var names = NamesOf(element);
                if (names.Count == 0)
                {
                    continue;
                }

                // Co-authors sit next to each other: gather the matches that share the first one's byline block.
                var group = GroupOf(element);
                foreach (var other in elements)
                {
                    if (other != element && group.Contains(other) && !element.Contains(other) && !other.Contains(element))
                    {
                        foreach (var name in NamesOf(other))
                        {
                            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                            {
                                names.Add(name);
                            }
                        }
                    }
                }

                return names;
            }
        }

        return [];
    }

    private static IElement GroupOf(IElement element)
    {
        var group = element;
        var parent = element.ParentElement;
        for (var level = 0; level < 3 && parent is not null && parent.LocalName is not ("body" or "article" or "main"); level++)
        {
            if ((parent.TextContent?.Length ?? 0) > MaxGroupText)
            {
                break;
            }

            group = parent;
            parent = parent.ParentElement;
        }

        return group;
    }

    private static List<string> NamesOf(IElement element)
    {
        if (element.LocalName is "meta" or "link")
        {
            return element.LocalName == "meta" ? PersonNames.Split(element.GetAttribute("content")) : [];
        }

        // The name inside a microdata person, or a marked-up name part.
        var named = element.QuerySelectorAll("[itemprop~='name' i]").Select(n => n.GetAttribute("content") ?? n.TextContent)
            .Concat(element.QuerySelectorAll(NameSelector).Select(n => n.TextContent))
            .SelectMany(t => PersonNames.Split(t))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (named.Count > 0)
        {
            return named;
        }

        // Links to author pages inside a byline name the authors.
        var linked = element.QuerySelectorAll("a[href]")
            .Where(a => IsAuthorLink(a))
            .SelectMany(a => PersonNames.Split(a.TextContent))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (linked.Count > 0)
        {
            return linked;
        }

        var text = element.TextContent;
        if (element.LocalName == "a" && string.IsNullOrWhiteSpace(text))
        {
            text = element.GetAttribute("title") ?? string.Empty;
        }

        var clean = MetaText.Clean(text);
        return clean is { Length: > 0 and <= MaxBylineText } ? PersonNames.Split(InnerText(element)) : [];
    }

    private static bool IsAuthorLink(IElement link)
    {
        if (HasToken(link.GetAttribute("rel"), "author"))
        {
            return true;
        }

        var href = link.GetAttribute("href")?.ToLowerInvariant() ?? string.Empty;
        return AuthorUrlParts.Any(part => href.Contains(part, StringComparison.Ordinal));
    }

    /// <summary>Text with block boundaries and &lt;br&gt; kept as line breaks, so a byline's second line stays apart.</summary>
    private static string InnerText(IElement element)
    {
        var builder = new System.Text.StringBuilder();
        Append(element, builder);
        return builder.ToString();

        static void Append(INode node, System.Text.StringBuilder builder)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    builder.Append(text.Data);
                }
                else if (child is IElement e)
                {
                    if (e.LocalName is "script" or "style" or "noscript" or "time")
                    {
                        builder.Append('\n');
                        continue;
                    }

                    var block = e.LocalName is "br" or "div" or "p" or "li" or "ul" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "section" or "figure";
                    if (block)
                    {
                        builder.Append('\n');
                    }

                    Append(e, builder);
                    if (block)
                    {
                        builder.Append('\n');
                    }
                }
            }
        }
    }

    private static bool IsBylineElement(IElement element)
    {
        if (element.LocalName is "body" or "html" or "article" or "main" or "meta" or "link" or "script" or "style" or "img" or "input" or "label" or "form" or "time")
        {
            return false;
        }

        var marks = $"{element.ClassName} {element.Id}".ToLowerInvariant();
        if (!PositiveClasses.Any(p => marks.Contains(p, StringComparison.Ordinal)))
        {
            return false;
        }

        var tokens = marks.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return !tokens.Any(t => NegativeClasses.Any(n => t.Contains(n, StringComparison.Ordinal))
                                && !PositiveClasses.Any(p => t == p));
    }

    /// <summary>True when the element sits in navigation, comments, related stories or similar furniture below the scope.</summary>
    internal static bool IsFurniture(IElement element, IElement scope, bool allowAsides = false)
    {
        for (var e = element; e is not null && e != scope; e = e.ParentElement)
        {
            if (!allowAsides && e.LocalName is "nav" or "footer" or "aside")
            {
                return true;
            }

            var marks = $"{e.ClassName} {e.Id}".ToLowerInvariant();
            if (marks.Length > 1 && FurnitureClasses.Any(f => marks.Contains(f, StringComparison.Ordinal)))
            {
                return true;
            }

            if (e.HasAttribute("hidden") || (e.GetAttribute("style")?.Replace(" ", string.Empty).Contains("display:none", StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasToken(string? value, string token) =>
        value is not null && value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(t => t.Equals(token, StringComparison.OrdinalIgnoreCase));
}
