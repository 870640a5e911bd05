using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean;

/// <summary>A .txt article: the first non-empty line is the title, blank lines separate paragraphs.</summary>
public static class PlainTextArticle
{
    public static CleanedArticle Read(Uri source, string content)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        string? title = null;
        foreach (var rawLine in content.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = TextNormalizer.CollapseWhitespace(rawLine);
            if (title is null)
            {
                if (line.Length > 0)
                {
                    title = line;
                }

                continue;
            }

            if (line.Length == 0)
            {
                Flush();
            }
            else
            {
                current.Add(line);
            }
        }

        Flush();
        var text = string.Join("\n\n", paragraphs);
        var url = source.ToString();
        var article = new ArticleRecord(url, url, title, null, null, null, LanguageIdentifier.Identify(text), text);
        return new CleanedArticle(article, text.Length == 0 ? "no article text: the file has a title line only" : null);

        void Flush()
        {
            if (current.Count > 0)
            {
                // Lines of one paragraph are one paragraph: hard-wrapped files must not break sentences at each wrap.
                paragraphs.Add(string.Join(" ", current));
                current.Clear();
            }
        }
    }
}
