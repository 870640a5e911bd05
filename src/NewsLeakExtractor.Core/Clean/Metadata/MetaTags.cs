using AngleSharp.Dom;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean.Metadata;

/// <summary>
/// A page's &lt;meta&gt; values by key. One element may carry several keys (<c>property="og:title twitter:title"</c>)
/// and one key several elements (two <c>article:author</c> tags); keys compare case-insensitively.
/// </summary>
internal sealed class MetaTags
{
    private static readonly ILookup<string, string> KeysByField = Lexicon.Lines("cleaning/metadata/meta-keys.tsv")
        .Select(line => line.Split('\t', 2, StringSplitOptions.TrimEntries))
        .Where(parts => parts.Length == 2)
        .ToLookup(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    public static MetaTags Read(PageIndex index)
    {
        var tags = new MetaTags();
        var keys = new List<string>();
        foreach (var element in index.Tag("meta"))
        {
            var value = element.GetAttribute("content") ?? element.GetAttribute("value");
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            // itemprop metas inside the body usually describe nested things (an image's url, a logo's name);
            // only the few that describe the article itself are worth reading from there.
            var itemprop = element.GetAttribute("itemprop");
            var inHead = InHead(element);
            keys.Clear();
            AddKeys(keys, element.GetAttribute("property"));
            AddKeys(keys, element.GetAttribute("name"));
            AddKeys(keys, element.GetAttribute("http-equiv"));
            AddKeys(keys, inHead || IsArticleItemprop(itemprop) ? itemprop : null);
            if (keys.Count > 0)
            {
                var trimmed = value.Trim();
                foreach (var key in keys)
                {
                    tags.Add(key, trimmed);
                }
            }
        }

        return tags;
    }

    /// <summary>Adds the space-separated keys of one attribute that are not already listed (case-insensitively).</summary>
    private static void AddKeys(List<string> keys, string? attribute)
    {
        if (attribute is null)
        {
            return;
        }

        foreach (var key in attribute.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!keys.Exists(k => k.Equals(key, StringComparison.OrdinalIgnoreCase)))
            {
                keys.Add(key);
            }
        }
    }

    /// <summary>Like <c>Closest("head")</c>, without parsing a selector for every tag.</summary>
    private static bool InHead(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.LocalName == "head")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsArticleItemprop(string? itemprop) =>
        itemprop is not null && itemprop.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(p =>
            p.Equals("datePublished", StringComparison.OrdinalIgnoreCase) || p.Equals("dateCreated", StringComparison.OrdinalIgnoreCase)
            || p.Equals("dateModified", StringComparison.OrdinalIgnoreCase) || p.Equals("headline", StringComparison.OrdinalIgnoreCase)
            || p.Equals("inLanguage", StringComparison.OrdinalIgnoreCase));

    public void Add(string key, string value)
    {
        if (!_values.TryGetValue(key, out var list))
        {
            _values[key] = list = [];
        }

        list.Add(value);
    }

    /// <summary>The keys that state one field ("title", "author", "published", ...) in order of preference (models/cleaning/metadata/meta-keys.tsv).</summary>
    public static IReadOnlyList<string> KeysFor(string field) => KeysByField[field].ToList();

    /// <summary>The first value of the first key present, in the order given.</summary>
    public string? First(params IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (_values.TryGetValue(key, out var list))
            {
                return list[0];
            }
        }

        return null;
    }

    /// <summary>Every value of one key, in document order.</summary>
    public IReadOnlyList<string> All(string key) => _values.TryGetValue(key, out var list) ? list : [];
}
