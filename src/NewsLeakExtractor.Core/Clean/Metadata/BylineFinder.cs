using AngleSharp.Css.Dom;
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
    private static readonly ClassFragments PositiveFragments = new(PositiveClasses);
    private static readonly string[] NegativeClasses = ClassLines.Where(l => l.StartsWith('-')).Select(l => l[1..].ToLowerInvariant()).ToArray();
    private static readonly string[] AuthorUrlParts = Lexicon.Lines("cleaning/metadata/author-url-parts.txt").Select(l => l.ToLowerInvariant()).ToArray();
    private static readonly IReadOnlyList<string> NameSelectorLines = Lexicon.Lines("cleaning/metadata/byline-name-classes.txt");
    private static readonly ISelector NameSelector = PageIndex.Selector(string.Join(", ", NameSelectorLines));

    /// <summary>Every name selector is a plain class test (".fn", "[class*='author-name' i]"), so only elements with a class can match.</summary>
    private static readonly bool NameSelectorNeedsClass = NameSelectorLines.All(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^(\.[\w-]+|\[class[^\]]*\])+$"));
    private static readonly ISelector ItempropName = PageIndex.Selector("[itemprop~='name' i]");
    private static readonly ISelector LinkWithHref = PageIndex.Selector("a[href]");
    private static readonly ClassFragments FurnitureClasses = new(Lexicon.Lines("cleaning/metadata/furniture-containers.txt"));

    public static List<string> Find(PageIndex index)
    {
        var tree = index.Tree;
        var article = index.ArticleScope;
        if (article >= 0 && FindIn(tree, article) is { Count: > 0 } inArticle)
        {
            return inArticle;
        }

        return tree.Body >= 0 && tree.Body != article ? FindIn(tree, tree.Body, searched: article) : [];
    }

    /// <summary>
    /// The names in the first byline found by the most explicit strategy: microdata, rel=author, then class and id words.
    /// <paramref name="searched"/> is an article already searched in vain: its elements are not looked at again, since
    /// the page-wide rules are stricter (its aside and footer no longer count) and would find them wanting again.
    /// </summary>
    private static List<string> FindIn(PageTree tree, int scope, int searched = -1)
    {
        // Microdata and rel=author inside the article are explicit even in its aside or footer.
        var explicitInArticle = tree[scope].LocalName != "body";

        // One pass over the scope gathers the candidates of every strategy, in document order.
        List<int> microdata = [], relAuthor = [], marked = [];
        for (var e = scope + 1; e < tree.End(scope); e++)
        {
            if (searched >= 0 && tree.Contains(searched, e))
            {
                e = tree.End(searched) - 1;
                continue;
            }

            ref readonly var marks = ref tree.MarksOf(e);
            if (marks.Class is null && marks.Id is null && marks.Itemprop is null && marks.Rel is null)
            {
                continue; // nothing to go by
            }

            if ((PageIndex.HasToken(marks.Itemprop, "author") || PageIndex.HasToken(marks.Itemprop, "creator")) && !IsFurniture(tree, e, scope, explicitInArticle))
            {
                microdata.Add(e);
            }

            if (PageIndex.HasToken(marks.Rel, "author") && !IsFurniture(tree, e, scope, explicitInArticle))
            {
                relAuthor.Add(e);
            }

            if (IsBylineElement(tree, e) && !IsFurniture(tree, e, scope))
            {
                marked.Add(e);
            }
        }

        foreach (var elements in new[] { microdata, relAuthor, marked })
        {
            foreach (var element in elements)
            {
                var names = NamesOf(tree, element);
                if (names.Count == 0)
                {
                    continue;
                }

                // Co-authors sit next to each other: gather the matches that share the first one's byline block.
                var group = GroupOf(tree, element);
                foreach (var other in elements)
                {
                    if (other != element && tree.Contains(group, other) && !tree.Contains(element, other) && !tree.Contains(other, element))
                    {
                        foreach (var name in NamesOf(tree, other))
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

    private static int GroupOf(PageTree tree, int element)
    {
        var group = element;
        var parent = tree.Parent(element);
        for (var level = 0; level < 3 && parent >= 0 && tree[parent].LocalName is not ("body" or "article" or "main"); level++)
        {
            if (tree.TextLength(parent, MaxGroupText + 1) > MaxGroupText)
            {
                break;
            }

            group = parent;
            parent = tree.Parent(parent);
        }

        return group;
    }

    private static List<string> NamesOf(PageTree tree, int position)
    {
        var element = tree[position];
        if (element.LocalName is "meta" or "link")
        {
            return element.LocalName == "meta" ? PersonNames.Split(element.GetAttribute("content")) : [];
        }

        // The name inside a microdata person, or a marked-up name part.
        var named = Inside(tree, position, ItempropName, e => tree.MarksOf(e).Itemprop is not null).Select(n => n.GetAttribute("content") ?? NodeText.Of(n))
            .Concat(Inside(tree, position, NameSelector, e => !NameSelectorNeedsClass || tree.MarksOf(e).Class is not null).Select(NodeText.Of))
            .SelectMany(t => PersonNames.Split(t))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (named.Count > 0)
        {
            return named;
        }

        // Links to author pages inside a byline name the authors.
        var linked = Inside(tree, position, LinkWithHref, e => tree[e].LocalName == "a")
            .Where(a => IsAuthorLink(a))
            .SelectMany(a => PersonNames.Split(NodeText.Of(a)))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (linked.Count > 0)
        {
            return linked;
        }

        var text = NodeText.Of(element);
        if (element.LocalName == "a" && string.IsNullOrWhiteSpace(text))
        {
            text = element.GetAttribute("title") ?? string.Empty;
        }

        var clean = MetaText.Clean(text);
        return clean is { Length: > 0 and <= MaxBylineText } ? PersonNames.Split(InnerText(element)) : [];
    }

    /// <summary>
    /// The descendants of an element that match a selector, in document order (what QuerySelectorAll finds).
    /// <paramref name="candidate"/> is a cheap necessary condition that spares the selector most elements.
    /// </summary>
    private static IEnumerable<IElement> Inside(PageTree tree, int position, ISelector selector, Func<int, bool> candidate)
    {
        for (var e = position + 1; e < tree.End(position); e++)
        {
            if (candidate(e) && selector.Match(tree[e], tree[position]))
            {
                yield return tree[e];
            }
        }
    }

    private static bool IsAuthorLink(IElement link)
    {
        if (PageIndex.HasToken(link.GetAttribute("rel"), "author"))
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

    private static bool IsBylineElement(PageTree tree, int position)
    {
        if (tree[position].LocalName is "body" or "html" or "article" or "main" or "meta" or "link" or "script" or "style" or "img" or "input" or "label" or "form" or "time")
        {
            return false;
        }

        if (!tree.HasMark(position, PositiveFragments))
        {
            return false;
        }

        ref readonly var marks = ref tree.MarksOf(position);
        return !HasNegativeWord((marks.Class ?? string.Empty).ToLowerInvariant()) && !HasNegativeWord((marks.Id ?? string.Empty).ToLowerInvariant());

        static bool HasNegativeWord(string marks) =>
            marks.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(t => NegativeClasses.Any(n => t.Contains(n, StringComparison.Ordinal))
                                                                          && !PositiveClasses.Any(p => t == p));
    }

    /// <summary>True when the element sits in navigation, comments, related stories or similar furniture below the scope.</summary>
    internal static bool IsFurniture(PageTree tree, int position, int scope, bool allowAsides = false)
    {
        for (var e = position; e >= 0 && e != scope; e = tree.Parent(e))
        {
            var element = tree[e];
            if (!allowAsides && element.LocalName is "nav" or "footer" or "aside")
            {
                return true;
            }

            if (element.Attributes.Length == 0)
            {
                continue; // no class, id, hidden or style to look at
            }

            if (tree.HasMark(e, FurnitureClasses))
            {
                return true;
            }

            if (element.HasAttribute("hidden") || (element.GetAttribute("style")?.Replace(" ", string.Empty).Contains("display:none", StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return true;
            }
        }

        return false;
    }
}
