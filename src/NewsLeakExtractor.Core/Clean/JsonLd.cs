using System.Text.Json;

namespace NewsLeakExtractor.Clean;

/// <summary>The schema.org article described by a page's JSON-LD blocks, including those nested in <c>@graph</c>.</summary>
internal sealed record JsonLdArticle(string? Headline, IReadOnlyList<string> Authors, string? DatePublished, string? ArticleBody, string? Publisher, string? Url)
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "WebPage",
    };

    private static readonly JsonDocumentOptions Tolerant = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>The best article object among the blocks: a *Article type beats a plain WebPage.</summary>
    public static JsonLdArticle? Find(IEnumerable<string> blocks)
    {
        JsonLdArticle? best = null;
        var bestRank = int.MaxValue;
        foreach (var block in blocks)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(block.Trim().TrimEnd(';'), Tolerant);
            }
            catch (JsonException)
            {
                continue;
            }

            using (document)
            {
                foreach (var (node, rank) in Candidates(document.RootElement))
                {
                    if (rank < bestRank)
                    {
                        best = Read(node);
                        bestRank = rank;
                    }
                }
            }
        }

        return best;
    }

    private static IEnumerable<(JsonElement Node, int Rank)> Candidates(JsonElement root)
    {
        var stack = new Stack<(JsonElement, int)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > 6)
            {
                continue;
            }

            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    stack.Push((item, depth + 1));
                }

                continue;
            }

            if (node.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var type in Strings(node, "@type"))
            {
                if (ArticleTypes.Contains(type))
                {
                    yield return (node, type.Equals("WebPage", StringComparison.OrdinalIgnoreCase) ? 10 + depth : depth);
                    break;
                }
            }

            if (node.TryGetProperty("@graph", out var graph))
            {
                stack.Push((graph, depth + 1));
            }

            if (node.TryGetProperty("mainEntity", out var main))
            {
                stack.Push((main, depth + 1));
            }
        }
    }

    private static JsonLdArticle Read(JsonElement node)
    {
        var authors = new List<string>();
        if (node.TryGetProperty("author", out var author))
        {
            foreach (var name in Names(author))
            {
                if (!authors.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    authors.Add(name);
                }
            }
        }

        string? publisher = null;
        if (node.TryGetProperty("publisher", out var pub))
        {
            publisher = Names(pub).FirstOrDefault();
        }

        string? url = Strings(node, "url").FirstOrDefault();
        if (node.TryGetProperty("mainEntityOfPage", out var mainEntity))
        {
            url ??= mainEntity.ValueKind == JsonValueKind.String ? mainEntity.GetString() : Strings(mainEntity, "@id").FirstOrDefault();
        }

        return new JsonLdArticle(
            Strings(node, "headline").FirstOrDefault() ?? Strings(node, "name").FirstOrDefault(),
            authors,
            Strings(node, "datePublished").FirstOrDefault() ?? Strings(node, "dateCreated").FirstOrDefault(),
            Strings(node, "articleBody").FirstOrDefault(),
            publisher,
            url);
    }

    private static IEnumerable<string> Names(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                if (value.GetString() is { Length: > 0 } s && !s.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    yield return s.Trim();
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var name in Names(item))
                    {
                        yield return name;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (var name in Strings(value, "name"))
                {
                    yield return name.Trim();
                }

                break;
        }
    }

    private static IEnumerable<string> Strings(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value))
        {
            yield break;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s)
        {
            yield return s;
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } t)
                {
                    yield return t;
                }
            }
        }
    }
}
