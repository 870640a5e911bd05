using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean;

/// <summary>What an element's class and id words say about it.</summary>
internal enum Hint
{
    Neutral,

    /// <summary>Only article-body words ("article-body", "entry-content").</summary>
    Positive,

    /// <summary>Both body and furniture words ("article-header").</summary>
    Mixed,

    /// <summary>Only furniture words ("sidebar-widget").</summary>
    Negative,

    /// <summary>A word that marks furniture whatever else is said ("comment-body", "related-content").</summary>
    Furniture,
}

/// <summary>
/// Reads an element's class and id with the word lists in <c>models/cleaning/</c>.
/// Class names are split into words ("article-body__text" gives article, body, text) so the lists stay short.
/// </summary>
internal static class BoilerplateHints
{
    private static readonly HashSet<string> Negative = Lexicon.Set("cleaning/negative-hints.txt");
    private static readonly HashSet<string> Positive = Lexicon.Set("cleaning/positive-hints.txt");
    private static readonly HashSet<string> Veto = Lexicon.Set("cleaning/veto-hints.txt");

    public static Hint Classify(string? className, string? id)
    {
        var positive = false;
        var negative = false;
        var veto = false;
        Scan(className, ref positive, ref negative, ref veto);
        Scan(id, ref positive, ref negative, ref veto);
        return veto ? Hint.Furniture
            : positive && negative ? Hint.Mixed
            : positive ? Hint.Positive
            : negative ? Hint.Negative
            : Hint.Neutral;
    }

    private static void Scan(string? names, ref bool positive, ref bool negative, ref bool veto)
    {
        if (string.IsNullOrEmpty(names))
        {
            return;
        }

        var negativeWords = Negative.GetAlternateLookup<ReadOnlySpan<char>>();
        var positiveWords = Positive.GetAlternateLookup<ReadOnlySpan<char>>();
        var vetoWords = Veto.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = names.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            var boundary = i == span.Length || !char.IsLetterOrDigit(span[i]) || (i > 0 && char.IsUpper(span[i]) && char.IsLower(span[i - 1]));
            if (boundary)
            {
                if (start >= 0 && i - start <= 20)
                {
                    var word = span[start..i];
                    negative |= negativeWords.Contains(word);
                    positive |= positiveWords.Contains(word);
                    veto |= vetoWords.Contains(word);
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
