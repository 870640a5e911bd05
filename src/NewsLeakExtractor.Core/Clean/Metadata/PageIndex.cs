using AngleSharp.Dom;

namespace NewsLeakExtractor.Clean.Metadata;

/// <summary>
/// The elements metadata is read from, gathered in one walk of the page: every separate query would walk all of
/// it again, and a page has thousands of elements.
/// </summary>
internal sealed class PageIndex
{
    private static readonly HashSet<string> IndexedTags = new(StringComparer.Ordinal) { "meta", "link", "script", "title", "h1", "article" };

    private readonly Dictionary<string, List<IElement>> _byTag = new(StringComparer.Ordinal);

    public PageIndex(IDocument document)
    {
        if (document.DocumentElement is null)
        {
            return;
        }

        // A plain depth-first walk over element children, in document order (cheaper than document.All).
        var stack = new Stack<IElement>();
        stack.Push(document.DocumentElement);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (IndexedTags.Contains(element.LocalName))
            {
                Add(element.LocalName, element);
            }

            if (element.Attributes.Length > 0 && element.HasAttribute("itemprop"))
            {
                Add("[itemprop]", element);
            }

            // ChildNodes is a plain list; Children filters it anew on every access.
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>Elements of one indexed tag (meta, link, script, title, h1, article), in document order.</summary>
    public IReadOnlyList<IElement> Tag(string name) => _byTag.TryGetValue(name, out var list) ? list : [];

    /// <summary>Elements that carry an itemprop attribute, in document order.</summary>
    public IReadOnlyList<IElement> WithItemprop => Tag("[itemprop]");

    public string? Canonical => Tag("link").FirstOrDefault(l => HasToken(l.GetAttribute("rel"), "canonical"))?.GetAttribute("href");

    public IEnumerable<string> JsonLdBlocks =>
        Tag("script").Where(s => string.Equals(s.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase)).Select(s => s.TextContent);

    internal static bool HasToken(string? value, string token) =>
        value is not null && value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(token, StringComparer.OrdinalIgnoreCase);

    private void Add(string key, IElement element)
    {
        if (!_byTag.TryGetValue(key, out var list))
        {
            _byTag[key] = list = [];
        }

        list.Add(element);
    }
}
