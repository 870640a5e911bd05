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
        foreach (var element in document.All)
        {
            if (IndexedTags.Contains(element.LocalName))
            {
                Add(element.LocalName, element);
            }

            if (element.HasAttribute("itemprop"))
            {
                Add("[itemprop]", element);
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
