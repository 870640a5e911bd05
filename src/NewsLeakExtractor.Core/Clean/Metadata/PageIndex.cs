using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace NewsLeakExtractor.Clean.Metadata;

/// <summary>
/// The elements metadata is read from, picked out of the page's one shared walk (<see cref="PageTree"/>): every
/// separate query would walk all of it again, and a page has thousands of elements.
/// </summary>
internal sealed class PageIndex
{
    private static readonly ISelector ArticleHolder = Selector("article, [itemtype*='Article' i], [itemtype*='BlogPosting' i]");

    private readonly Dictionary<string, List<IElement>> _byTag = new(StringComparer.Ordinal);
    private int? _articleScope;

    public PageIndex(PageTree tree)
    {
        Tree = tree;
        foreach (var position in tree.IndexedElements)
        {
            var element = tree[position];
            if (PageTree.IsIndexedTag(element.LocalName))
            {
                Add(element.LocalName, element);
            }

            if (tree.MarksOf(position).Itemprop is not null)
            {
                Add("[itemprop]", element);
            }
        }
    }

    public PageTree Tree { get; }

    /// <summary>Elements of one indexed tag (meta, link, script, title, h1, article), in document order.</summary>
    public IReadOnlyList<IElement> Tag(string name) => _byTag.TryGetValue(name, out var list) ? list : [];

    /// <summary>Elements that carry an itemprop attribute, in document order.</summary>
    public IReadOnlyList<IElement> WithItemprop => Tag("[itemprop]");

    public string? Canonical => Tag("link").FirstOrDefault(l => HasToken(l.GetAttribute("rel"), "canonical"))?.GetAttribute("href");

    public IEnumerable<string> JsonLdBlocks =>
        Tag("script").Where(s => string.Equals(s.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase)).Select(NodeText.Of);

    /// <summary>
    /// Position of the &lt;article&gt; (or schema.org Article item) that holds the page's first &lt;h1&gt;, or of the
    /// only &lt;article&gt;; -1 when there is neither. Bylines and dates are looked for there first.
    /// </summary>
    public int ArticleScope => _articleScope ??= FindArticleScope();

    /// <summary>A CSS selector parsed once, for matching elements of the tree one by one.</summary>
    internal static ISelector Selector(string selector) =>
        new CssSelectorParser().ParseSelector(selector) ?? throw new ArgumentException($"not a CSS selector: {selector}", nameof(selector));

    /// <summary>True when a space-separated attribute value (rel, itemprop) holds the token, ignoring case. Allocates nothing: it is asked of every element with such an attribute.</summary>
    internal static bool HasToken(string? value, string token)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var range in value.AsSpan().Split(' '))
        {
            if (value.AsSpan()[range].Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private int FindArticleScope()
    {
        if (Tag("h1") is { Count: > 0 } headings)
        {
            // The heading itself counts, as with Element.Closest.
            for (var e = Tree.IndexOf(headings[0]); e >= 0; e = Tree.Parent(e))
            {
                if (ArticleHolder.Match(Tree[e], Tree[e]))
                {
                    return e;
                }
            }
        }

        return Tag("article") is { Count: 1 } articles ? Tree.IndexOf(articles[0]) : -1;
    }

    private void Add(string key, IElement element)
    {
        if (!_byTag.TryGetValue(key, out var list))
        {
            _byTag[key] = list = [];
        }

        list.Add(element);
    }
}
