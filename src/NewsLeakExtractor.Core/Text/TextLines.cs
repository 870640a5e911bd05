namespace NewsLeakExtractor.Text;

/// <summary>A non-blank line, trimmed of surrounding whitespace, and whether a blank line (a paragraph break) precedes it.</summary>
internal readonly record struct TextLine(int Start, int End, bool BlankBefore);

internal static class TextLines
{
    /// <summary>The non-blank lines of <paramref name="text"/>; "\r\n" is one break, not a blank line between two.</summary>
    public static List<TextLine> NonBlank(string text)
    {
        var lines = new List<TextLine>();
        var i = 0;
        var blank = false;
        while (i <= text.Length)
        {
            var stop = i;
            while (stop < text.Length && !TextChars.IsLineBreak(text[stop]))
            {
                stop++;
            }

            var start = i;
            var end = stop;
            while (start < end && TextChars.IsSpace(text[start]))
            {
                start++;
            }

            while (end > start && TextChars.IsSpace(text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                lines.Add(new TextLine(start, end, blank));
                blank = false;
            }
            else if (lines.Count > 0)
            {
                blank = true;
            }

            i = stop < text.Length && text[stop] == '\r' && stop + 1 < text.Length && text[stop + 1] == '\n' ? stop + 2 : stop + 1;
        }

        return lines;
    }
}
