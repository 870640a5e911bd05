using System.Net;
using System.Text.RegularExpressions;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// Cross-checks the DOM extraction against the body a page declares in JSON-LD: when the DOM yielded
/// far less than the declared body (a script-rendered or paywalled layout), the declared body is the article.
/// </summary>
internal static partial class StructuredBodyRescue
{
    private const int MinDeclaredChars = 400;

    public static string Choose(string extracted, string? declared)
    {
        if (declared is null)
        {
            return extracted;
        }

        var body = Normalise(declared);
        return body.Length >= MinDeclaredChars && extracted.Length < body.Length * 0.6 ? body : extracted;
    }

    private static string Normalise(string declared)
    {
        var text = declared.Contains('<', StringComparison.Ordinal) ? Tags().Replace(declared, "\n") : declared;
        text = WebUtility.HtmlDecode(text);
        var paragraphs = text.ReplaceLineEndings("\n").Split('\n')
            .Select(TextNormalizer.CollapseWhitespace)
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
