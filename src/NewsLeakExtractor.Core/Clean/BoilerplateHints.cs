using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// What an element's class, id and ARIA role say about it, from the word lists in <c>models/cleaning/</c>.
/// Class names are split into words ("article-body__text" gives article, body, text) so the lists stay short.
/// </summary>
internal static class BoilerplateHints
{
    private static readonly HashSet<string> Negative = Lexicon.Set("cleaning/negative-hints.txt");
    private static readonly HashSet<string> Positive = Lexicon.Set("cleaning/positive-hints.txt");

    /// <summary>+1 when the names mark article text, -1 when they mark page furniture, 0 when they say nothing or both.</summary>
    public static int Weigh(string? className, string? id)
    {
        var positive = false;
        var negative = false;
        Scan(className, ref positive, ref negative);
        Scan(id, ref positive, ref negative);
        return positive == negative ? 0 : positive ? 1 : -1;
    }

    /// <summary>Whether the names mark page furniture, regardless of any positive word ("article-comments" is still comments).</summary>
    public static bool IsNegative(string? className, string? id)
    {
        var positive = false;
        var negative = false;
        Scan(className, ref positive, ref negative);
        Scan(id, ref positive, ref negative);
        return negative;
    }

    private static void Scan(string? names, ref bool positive, ref bool negative)
    {
        if (string.IsNullOrEmpty(names))
        {
            return;
        }

        var span = names.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            var boundary = i == span.Length || !char.IsLetterOrDigit(span[i]) || (i > 0 && char.IsUpper(span[i]) && char.IsLower(span[i - 1]));
            if (boundary)
            {
                if (start >= 0)
                {
                    var word = span[start..i];
                    if (word.Length <= 20)
                    {
                        var lookup = Negative.GetAlternateLookup<ReadOnlySpan<char>>();
                        negative |= lookup.Contains(word);
                        positive |= Positive.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
                    }
                }

                start = i < span.Length && char.IsLetterOrDigit(span[i]) ? i : -1;
            }
            else if (start < 0)
            {
                start = i;
            }
        }
    }
}
