namespace NewsLeakExtractor.Text;

/// <summary>How an abbreviation's period relates to sentence ends (the second column of <c>lexicons/abbreviations.txt</c>).</summary>
internal enum AbbreviationKind
{
    /// <summary>Ends a sentence only when the next word is a typical sentence opener ("U.S.", "Inc.", "Jan.").</summary>
    Ambiguous,

    /// <summary>Always followed by more of the same sentence: titles before names, "e.g.", "vs.".</summary>
    NonFinal,

    /// <summary>Usually closes a list, so a capitalised word after it starts a new sentence ("etc.").</summary>
    Final,

    /// <summary>An abbreviation only before a number ("No. 10", "Vol. 3"); elsewhere the period is a full stop ("said no.").</summary>
    Number,

    /// <summary>A single capital letter with a period, or letters and periods alternating ("J.", "J.K.", "F.B.I."), not in the list.</summary>
    Initials,
}

/// <summary>The abbreviation list: which word-plus-period strings keep their period inside the token.</summary>
internal static class Abbreviations
{
    private static readonly Dictionary<string, AbbreviationKind> Entries = Load();

    private static readonly Dictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The kind of <paramref name="candidate"/> (a word with its trailing period), or null when it is no known abbreviation.
    /// Matching is exact, except that a lower-case entry also matches its capitalised form at a sentence start ("Etc.");
    /// capitalised entries stay case-sensitive so "Mass." (Massachusetts) does not swallow the full stop of "a mass.".
    /// </summary>
    public static AbbreviationKind? Find(ReadOnlySpan<char> candidate)
    {
        if (Lookup.TryGetValue(candidate, out var kind))
        {
            return kind;
        }

        // Single capitals are initials, not "p." or "v." at a sentence start, so only longer words are lowered.
        if (candidate.Length > 2 && char.IsUpper(candidate[0]))
        {
            Span<char> lowered = candidate.Length <= 64 ? stackalloc char[candidate.Length] : new char[candidate.Length];
            candidate.CopyTo(lowered);
            lowered[0] = char.ToLowerInvariant(lowered[0]);
            if (Lookup.TryGetValue(lowered, out kind))
            {
                return kind;
            }
        }

        return null;
    }

    private static Dictionary<string, AbbreviationKind> Load()
    {
        var entries = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        foreach (var line in Lexicon.Lines("lexicons/abbreviations.txt"))
        {
            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var kind = parts.Length < 2 ? AbbreviationKind.Ambiguous : parts[1] switch
            {
                "nonfinal" => AbbreviationKind.NonFinal,
                "final" => AbbreviationKind.Final,
                "number" => AbbreviationKind.Number,
                "ambiguous" => AbbreviationKind.Ambiguous,
                _ => throw new InvalidDataException($"lexicons/abbreviations.txt: unknown kind '{parts[1]}' for '{parts[0]}'"),
            };
            if (!parts[0].EndsWith('.'))
            {
                throw new InvalidDataException($"lexicons/abbreviations.txt: '{parts[0]}' must end with its period");
            }

            entries[parts[0]] = kind;
        }

        return entries;
    }
}

/// <summary>Words that commonly open an English news sentence (<c>lexicons/sentence-starters.txt</c>).</summary>
internal static class SentenceStarters
{
    private static readonly HashSet<string> Words = new(Lexicon.Lines("lexicons/sentence-starters.txt"), StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Case-sensitive: the list holds capitalised forms, and a starter after an ambiguous period is only evidence
    /// of a new sentence when it is capitalised ("U.S. The" splits; "U.S. the" does not reach here at all).
    /// </summary>
    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
