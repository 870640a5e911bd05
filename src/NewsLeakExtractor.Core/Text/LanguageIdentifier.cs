namespace NewsLeakExtractor.Text;

/// <summary>
/// Identifies a text's language by its share of each language's most frequent function words
/// (<c>models/language/stopwords.tsv</c>): reliable for the few hundred words of a news article.
/// </summary>
public static class LanguageIdentifier
{
    private const int MinWords = 20;

    private static readonly (string Code, HashSet<string> Words)[] Profiles = Lexicon.Lines("language/stopwords.tsv")
        .Select(line => line.Split('\t', 2))
        .Where(parts => parts.Length == 2)
        .Select(parts => (parts[0], new HashSet<string>(parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase)))
        .ToArray();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>[] Lookups =
        Profiles.Select(p => p.Words.GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();

    // A few thousand characters decide the language as well as the whole article does.
    private const int SampleChars = 2_000;

    /// <summary>The ISO 639-1 code of the best-matching language, or null when the text is too short or matches none.</summary>
    public static string? Identify(string text)
    {
        var counts = new int[Profiles.Length];
        var words = 0;
        foreach (var range in Words(text.AsSpan(0, Math.Min(text.Length, SampleChars))))
        {
            words++;
            var word = text.AsSpan(range.Start, range.Length);
            for (var i = 0; i < Lookups.Length; i++)
            {
                if (Lookups[i].Contains(word))
                {
                    counts[i]++;
                }
            }
        }

        if (words < MinWords)
        {
            return null;
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        // Function words make up a third or more of running text; under 10 % it is no language we know.
        return counts[best] * 10 >= words ? Profiles[best].Code : null;
    }

    private static List<(int Start, int Length)> Words(ReadOnlySpan<char> text)
    {
        var words = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && (char.IsLetter(text[i]) || text[i] == '\'');
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add((start, i - start));
                start = -1;
            }
        }

        return words;
    }
}
