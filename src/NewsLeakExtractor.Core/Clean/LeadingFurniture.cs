using System.Text.RegularExpressions;

namespace NewsLeakExtractor.Clean;

/// <summary>Drops the headline, byline and dateline when the page repeats them as the body's first lines.</summary>
internal static partial class LeadingFurniture
{
    private const int MaxLeadingLines = 6;

    /// <summary>Looks at the first lines (a paragraph may hold several, written with &lt;br&gt;) and drops those that are furniture.</summary>
    public static string Strip(string text, PageMetadata meta)
    {
        var position = 0;
        for (var i = 0; i < MaxLeadingLines && position < text.Length; i++)
        {
            var end = text.IndexOf('\n', position);
            var line = (end < 0 ? text[position..] : text[position..end]).Trim().TrimStart('|', '•', '·', '–', '—', '-', ' ');
            if (!IsFurniture(line, meta))
            {
                break;
            }

            position = end < 0 ? text.Length : end + 1;
            while (position < text.Length && text[position] == '\n')
            {
                position++;
            }
        }

        return position == 0 ? text : text[position..];
    }

    private static bool IsFurniture(string line, PageMetadata meta) =>
        line.Length < 200 && (
            (meta.Title is not null && line.Equals(meta.Title, StringComparison.OrdinalIgnoreCase))
            || (meta.Byline is not null && line.Length < 120 && Byline().IsMatch(line) && meta.Byline.Split(',')[0].Trim() is { Length: > 0 } first && line.Contains(first, StringComparison.OrdinalIgnoreCase))
            || Dateline().IsMatch(line));

    [GeneratedRegex(@"^(by|written by|words by|von|par|por)\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(published|updated|posted|last updated|first published)?[:\s]*((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})([\s,|•·-]+(at\s+)?\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s*[a-z]{2,4})?)?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Dateline();
}
