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

    /// <summary>
    /// Each function word with one bit per profile that lists it: one lookup per word instead of one per language.
    /// </summary>
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ProfilesByWord = MergeProfiles();

    private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MergeProfiles()
    {
        if (Profiles.Length > 32)
        {
            throw new InvalidOperationException("Language profiles are counted in an int's bits: at most 32 languages.");
        }

        // The same comparer as the profiles' own sets, so a word matches exactly the profiles it matched before.
        var merged = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Profiles.Length; i++)
        {
            foreach (var word in Profiles[i].Words)
            {
                merged[word] = merged.GetValueOrDefault(word) | (1 << i);
            }
        }

        return merged.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // A few thousand characters decide the language as well as the whole article does.
    private const int SampleChars = 2_000;

    /// <summary>The ISO 639-1 code of the best-matching language, or null when the text is too short or matches none.</summary>
    public static string? Identify(string text)
    {
        Span<int> counts = stackalloc int[Profiles.Length];
        counts.Clear();
        var words = 0;
        var sample = text.AsSpan(0, Math.Min(text.Length, SampleChars));
        var start = -1;
        for (var i = 0; i <= sample.Length; i++)
        {
            var letter = i < sample.Length && (char.IsLetter(sample[i]) || sample[i] == '\'');
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words++;
                if (ProfilesByWord.TryGetValue(sample[start..i], out var profiles))
                {
                    for (var p = 0; p < counts.Length; p++)
                    {
                        counts[p] += (profiles >> p) & 1;
                    }
                }

                start = -1;
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
}
