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
    [Flags]
    private enum Says
    {
        Positive = 1,
        Negative = 2,
        Veto = 4,
    }

    /// <summary>The three word lists as one table, so each word of a class is looked up once.</summary>
    private static readonly Dictionary<string, Says> Words = BuildWords();

    private static Dictionary<string, Says> BuildWords()
    {
        var words = new Dictionary<string, Says>(StringComparer.OrdinalIgnoreCase);
        foreach (var (list, says) in new[] { ("positive", Says.Positive), ("negative", Says.Negative), ("veto", Says.Veto) })
        {
            foreach (var word in Lexicon.Set($"cleaning/{list}-hints.txt"))
            {
                words[word] = words.GetValueOrDefault(word) | says;
            }
        }

        return words;
    }

    public static Hint Classify(string? className, string? id)
    {
        var says = Scan(className) | Scan(id);
        return (says & Says.Veto) != 0 ? Hint.Furniture
            : (says & (Says.Positive | Says.Negative)) == (Says.Positive | Says.Negative) ? Hint.Mixed
            : (says & Says.Positive) != 0 ? Hint.Positive
            : (says & Says.Negative) != 0 ? Hint.Negative
            : Hint.Neutral;
    }

    private static Says Scan(string? names)
    {
        var says = default(Says);
        if (string.IsNullOrEmpty(names))
        {
            return says;
        }

        var words = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = names.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            var boundary = i == span.Length || !char.IsLetterOrDigit(span[i]) || (i > 0 && char.IsUpper(span[i]) && char.IsLower(span[i - 1]));
            if (boundary)
            {
                if (start >= 0 && i - start <= 20)
                {
                    says |= words.TryGetValue(span[start..i], out var said) ? said : default;
                }

                start = i < span.Length && char.IsLetterOrDigit(span[i]) ? i : -1;
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return says;
    }
}
