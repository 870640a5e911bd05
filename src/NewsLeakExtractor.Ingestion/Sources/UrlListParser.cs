namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>A plain list of URLs: one per line, blank lines and <c>#</c> comments ignored, relative lines resolved.</summary>
internal static class UrlListParser
{
    /// <summary>Lines that hold no URL-like token are skipped (a stray heading); the caller decides whether too many were.</summary>
    public static (int Lines, int Urls) Parse(string text, FeedItemCollector items)
    {
        var lines = 0;
        var urls = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            lines++;
            if (line.Any(char.IsWhiteSpace) || items.Resolve(line, items.DocumentUrl) is not { } url)
            {
                continue;
            }

            urls++;
            items.Add(url, null, null, null, null);
        }

        return (lines, urls);
    }

    /// <summary>Whether a line is an absolute web address, the evidence that an unlabelled text document is a URL list.</summary>
    public static bool IsAbsoluteWebUrl(string line) =>
        Uri.TryCreate(line.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
