using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsLeakExtractor.Clean;

/// <summary>A schema.org author: a person's name, or an organisation's.</summary>
/// <param name="IsSingle">The name comes from one Person or Organization object, so it names one party ("Doe, Jane" included).</param>
internal sealed record JsonLdAuthor(string Name, bool IsOrganization, bool IsSingle = false);

/// <summary>
/// The schema.org article described by a page's JSON-LD blocks, including those nested in <c>@graph</c> or
/// <c>mainEntity</c>, with <c>@id</c> references (Yoast-style graphs) resolved and gaps filled from the page's
/// WebPage and WebSite nodes.
/// </summary>
internal sealed partial record JsonLdArticle
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "AskPublicNewsArticle", "SatiricalArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle",
        "TechArticle", "MedicalScholarlyArticle", "Posting",
    };

    /// <summary>Types that describe an article only when nothing more specific does.</summary>
    private static readonly HashSet<string> WeakArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "SocialMediaPosting", "DiscussionForumPosting", "Review", "CreativeWork", "Blog", "Chapter", "Book",
    };

    private static readonly HashSet<string> PageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "WebPage", "ItemPage", "AboutPage", "CollectionPage", "ProfilePage", "QAPage", "FAQPage", "MedicalWebPage",
    };

    private static readonly HashSet<string> OrganizationTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Organization", "NewsMediaOrganization", "Corporation", "GovernmentOrganization", "NGO", "EducationalOrganization",
        "LocalBusiness", "Brand", "WebSite",
    };

    private static readonly JsonDocumentOptions Tolerant = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 128 };

    public string? Headline { get; init; }

    /// <summary>The node's <c>name</c>, which some sites fill with the headline and others with something else.</summary>
    public string? Name { get; init; }

    public IReadOnlyList<JsonLdAuthor> Authors { get; init; } = [];

    public string? DatePublished { get; init; }

    public string? DateCreated { get; init; }

    public string? DateModified { get; init; }

    public string? ArticleBody { get; init; }

    public string? Publisher { get; init; }

    /// <summary>The name of the page's schema.org WebSite node.</summary>
    public string? WebSiteName { get; init; }

    public string? Url { get; init; }

    public string? Description { get; init; }

    public string? Language { get; init; }

    /// <summary>True when the data came from an article type, not only from a WebPage node.</summary>
    public bool IsArticle { get; init; }

    /// <summary>The best article among the blocks; null when no block parses or none describes an article or page.</summary>
    /// <param name="blocks">The text of each <c>application/ld+json</c> script.</param>
    /// <param name="pageUrls">The page's own addresses: an article node that names one of them is the page's article, not a related one.</param>
    public static JsonLdArticle? Find(IEnumerable<string> blocks, IEnumerable<Uri?>? pageUrls = null)
    {
        // The documents stay alive (not cloned: a block with a long articleBody would be copied) until every value is read.
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var block in blocks)
            {
                if (TryParse(block) is { } document)
                {
                    documents.Add(document);
                }
            }

            return documents.Count == 0 ? null : Find(documents, pageUrls);
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    private static JsonLdArticle? Find(List<JsonDocument> documents, IEnumerable<Uri?>? pageUrls)
    {
        var own = new HashSet<string>((pageUrls ?? []).Where(u => u is not null).Select(u => UrlKey(u!.ToString())), StringComparer.Ordinal);
        var ids = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var nodes = new List<(JsonElement Node, int Depth)>();
        foreach (var document in documents)
        {
            Collect(document.RootElement, 0, nodes, ids);
        }

        var context = new Context(ids);
        JsonElement? article = null, page = null, site = null;
        var bestScore = int.MinValue;
        foreach (var (node, depth) in nodes)
        {
            var types = Types(node).ToList();
            var strong = types.Any(ArticleTypes.Contains);
            if (strong || types.Any(WeakArticleTypes.Contains))
            {
                // A specific type wins, then a richer node; among equals the shallower, then the earlier one.
                var score = (strong ? 16 : 0) + (NamesPage(node, own) ? 8 : 0) + (Has(node, "headline") ? 4 : 0) + (Has(node, "datePublished") ? 2 : 0)
                    + (Has(node, "author") ? 2 : 0) + (Has(node, "articleBody") ? 1 : 0) - depth;
                if (score > bestScore)
                {
                    article = node;
                    bestScore = score;
                }
            }
            else if (types.Any(PageTypes.Contains))
            {
                page ??= node;
            }
            else if (types.Any(t => t.Equals("WebSite", StringComparison.OrdinalIgnoreCase)))
            {
                site ??= node;
            }
        }

        var main = article ?? page;
        if (main is null)
        {
            return site is null ? null : new JsonLdArticle { WebSiteName = context.Text(site.Value, "name") };
        }

        var m = main.Value;
        var authors = context.Authors(m);
        if (authors.Count == 0 && page is not null && article is not null)
        {
            authors = context.Authors(page.Value);
        }

        string? Field(string property) => context.Text(m, property) ?? (page is { } p && article is not null ? context.Text(p, property) : null);

        string? url = context.Text(m, "url");
        if (context.Resolve(m, "mainEntityOfPage") is { } entity)
        {
            url ??= entity.ValueKind == JsonValueKind.String ? entity.GetString() : context.Text(entity, "@id") ?? context.Text(entity, "url");
        }

        return new JsonLdArticle
        {
            Headline = context.Text(m, "headline"),
            Name = context.Text(m, "name"),
            Authors = authors,
            DatePublished = Field("datePublished"),
            DateCreated = Field("dateCreated"),
            DateModified = Field("dateModified"),
            ArticleBody = context.Text(m, "articleBody"),
            Publisher = context.Names(m, "publisher").Select(a => a.Name).FirstOrDefault()
                ?? (page is { } pg ? context.Names(pg, "publisher").Select(a => a.Name).FirstOrDefault() : null),
            WebSiteName = site is { } s ? context.Text(s, "name") : null,
            Url = url ?? (page is { } pu ? context.Text(pu, "url") : null),
            Description = Field("description"),
            Language = Field("inLanguage"),
            IsArticle = article is not null,
        };
    }

    /// <summary>Parses a script body, tolerating CDATA and comment wrappers, trailing semicolons and raw control characters.</summary>
    /// <returns>The parsed document, which the caller disposes; null when the block is not JSON.</returns>
    internal static JsonDocument? TryParse(string block)
    {
        // The wrapper pattern can only match where one of its markers is; most blocks have none, and blocks run long.
        var wrapped = block.Contains("<!", StringComparison.Ordinal) || block.Contains("]]>", StringComparison.Ordinal) || block.Contains("-->", StringComparison.Ordinal);
        // Trimmed as a slice of the block, not as copies of a text that may hold a whole article body.
        var text = (wrapped ? Wrapper().Replace(block, string.Empty) : block).AsMemory().Trim().TrimEnd(';').Trim();
        if (text.Length == 0)
        {
            return null;
        }

        // Raw control characters are rare: they are replaced only when the text as written does not parse.
        return Parse(text) ?? Parse(ControlCharacters().Replace(text.ToString(), " ").AsMemory());
    }

    private static JsonDocument? Parse(ReadOnlyMemory<char> text)
    {
        try
        {
            return JsonDocument.Parse(text, Tolerant);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Collect(JsonElement node, int depth, List<(JsonElement, int)> nodes, Dictionary<string, JsonElement> ids)
    {
        if (depth > 12)
        {
            return;
        }

        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                Collect(item, depth + 1, nodes, ids);
            }

            return;
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } key
            && node.EnumerateObject().Count() > 1 && !ids.ContainsKey(key))
        {
            ids[key] = node;
        }

        nodes.Add((node, depth));
        foreach (var property in new[] { "@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "item" })
        {
            if (node.TryGetProperty(property, out var child) && child.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                // Articles listed in an ItemList are other stories; they count only as a last resort.
                Collect(child, depth + (property is "itemListElement" or "item" ? 8 : 1), nodes, ids);
            }
        }

        // Authors and publishers defined inline may be referenced by @id elsewhere.
        foreach (var property in new[] { "author", "creator", "publisher", "isPartOf" })
        {
            if (node.TryGetProperty(property, out var child))
            {
                Register(child, ids);
            }
        }
    }

    private static void Register(JsonElement node, Dictionary<string, JsonElement> ids)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                Register(item, ids);
            }
        }
        else if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String
                 && id.GetString() is { Length: > 0 } key && node.EnumerateObject().Count() > 1)
        {
            ids.TryAdd(key, node);
        }
    }

    private static bool NamesPage(JsonElement node, HashSet<string> own)
    {
        if (own.Count == 0)
        {
            return false;
        }

        foreach (var property in new[] { "url", "@id", "mainEntityOfPage" })
        {
            if (node.TryGetProperty(property, out var value))
            {
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()
                    : value.ValueKind == JsonValueKind.Object && value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                if (text is not null && own.Contains(UrlKey(text)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>An address without scheme, "www.", fragment, query and trailing slash, for comparing statements of one URL.</summary>
    private static string UrlKey(string url)
    {
        var key = url.Trim().ToLowerInvariant();
        var cut = key.IndexOfAny(['#', '?']);
        if (cut >= 0)
        {
            key = key[..cut];
        }

        key = key.Replace("https://", string.Empty, StringComparison.Ordinal).Replace("http://", string.Empty, StringComparison.Ordinal);
        if (key.StartsWith("www.", StringComparison.Ordinal))
        {
            key = key[4..];
        }

        return key.TrimEnd('/');
    }

    private static bool Has(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    private static IEnumerable<string> Types(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            yield break;
        }

        var values = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToList() : [type];
        foreach (var value in values)
        {
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s)
            {
                // "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
                yield return s[(Math.Max(s.LastIndexOf('/'), s.LastIndexOf(':')) + 1)..];
            }
        }
    }

    /// <summary>Reads values while following <c>{"@id": ...}</c> references to the nodes they name.</summary>
    private sealed class Context(Dictionary<string, JsonElement> ids)
    {
        public JsonElement? Resolve(JsonElement node, string property)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value))
            {
                return null;
            }

            return Follow(value);
        }

        private JsonElement Follow(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String
                && value.EnumerateObject().Count() == 1 && ids.TryGetValue(id.GetString()!, out var target))
            {
                return target;
            }

            return value;
        }

        /// <summary>The first non-empty string of a property: a string, the first string of an array, or an object's @value/name.</summary>
        public string? Text(JsonElement node, string property)
        {
            if (Resolve(node, property) is not { } value)
            {
                return null;
            }

            return FirstString(value);
        }

        private static string? FirstString(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return value.GetString() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
                case JsonValueKind.Number:
                    return value.GetRawText();
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        if (FirstString(item) is { } first)
                        {
                            return first;
                        }
                    }

                    return null;
                case JsonValueKind.Object:
                    foreach (var key in new[] { "@value", "name", "alternateName" })
                    {
                        if (value.TryGetProperty(key, out var inner) && inner.ValueKind == JsonValueKind.String && FirstString(inner) is { } s2)
                        {
                            return s2;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        public List<JsonLdAuthor> Authors(JsonElement node)
        {
            var authors = Names(node, "author").ToList();
            if (authors.Count == 0)
            {
                authors = Names(node, "creator").ToList();
            }

            return authors.DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        public List<JsonLdAuthor> Names(JsonElement node, string property)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value))
            {
                return [];
            }

            var names = new List<JsonLdAuthor>();
            AddNames(value, names, 0);
            return names;
        }

        private void AddNames(JsonElement value, List<JsonLdAuthor> names, int depth)
        {
            if (depth > 4)
            {
                return;
            }

            value = Follow(value);
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    if (value.GetString() is { } s && !string.IsNullOrWhiteSpace(s) && !LooksLikeUrl(s))
                    {
                        names.Add(new JsonLdAuthor(s.Trim(), false));
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        AddNames(item, names, depth + 1);
                    }

                    break;
                case JsonValueKind.Object:
                    var organization = Types(value).Any(OrganizationTypes.Contains);
                    var name = Text(value, "name");
                    if (name is null && Text(value, "givenName") is { } given)
                    {
                        name = Text(value, "familyName") is { } family ? $"{given} {family}" : given;
                    }

                    if (name is not null && !LooksLikeUrl(name))
                    {
                        names.Add(new JsonLdAuthor(name, organization, IsSingle: true));
                    }

                    break;
            }
        }

        private static bool LooksLikeUrl(string value) =>
            value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("//", StringComparison.Ordinal) || value.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Wrapper();

    [GeneratedRegex(@"[\u0000-\u001F]", RegexOptions.CultureInvariant)]
    private static partial Regex ControlCharacters();
}
