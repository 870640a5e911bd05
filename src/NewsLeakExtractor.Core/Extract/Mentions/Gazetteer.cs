using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Extract.Mentions;

/// <summary>A gazetteer hit: <see cref="Length"/> tokens from the start token match <see cref="Entry"/>.</summary>
public readonly record struct GazetteerMatch(int Length, GazetteerEntry Entry);

/// <summary>
/// Longest-match lookup of the lexicon names over tokens. Keys ignore case, periods and a possessive
/// ("U.S." = "US", "Moscow’s" = "Moscow"); proper names must be written with a capital in the text,
/// so "the sun" is no outlet and "us" is no country.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, List<(string[] Keys, GazetteerEntry Entry)>> _byFirstKey = new(StringComparer.Ordinal);

    public Gazetteer(LeakLexicons lexicons)
    {
        foreach (var entry in lexicons.Entries)
        {
            var surface = entry.Surface;
            if (surface.StartsWith("The ", StringComparison.Ordinal) || surface.StartsWith("the ", StringComparison.Ordinal))
            {
                surface = surface[4..]; // "the" is matched optionally in front of any name
            }

            var keys = Tokenizer.Tokenize(surface).Select(t => Key(t.Text)).Where(k => k.Length > 0).ToArray();
            if (keys.Length == 0)
            {
                continue;
            }

            if (!_byFirstKey.TryGetValue(keys[0], out var list))
            {
                _byFirstKey[keys[0]] = list = [];
            }

            list.Add((keys, entry));
        }

        foreach (var list in _byFirstKey.Values)
        {
            // Longest names first, and among equals the order of the lexicons (outlets, countries, organisations, ...).
            list.Sort((a, b) => b.Keys.Length.CompareTo(a.Keys.Length));
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);

    /// <summary>The normalised form of a token: lower case, no periods, no possessive (memoised: tokens repeat).</summary>
    public static string Key(string token)
    {
        if (Keys.TryGetValue(token, out var known))
        {
            return known;
        }

        if (Keys.Count > 500_000)
        {
            Keys.Clear(); // a long-running service must not grow without bound
        }

        return Keys[token] = MakeKey(token);
    }

    private static string MakeKey(string token)
    {
        var key = token.Replace('’', '\'').Replace(".", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (key.EndsWith("'s", StringComparison.Ordinal))
        {
            key = key[..^2];
        }

        return key.TrimEnd('\'');
    }

    /// <summary>The longest lexicon name starting at token <paramref name="index"/>, restricted to <paramref name="kinds"/> when given.</summary>
    public GazetteerMatch? Match(IReadOnlyList<Token> tokens, int index, Func<EntryKind, bool>? kinds = null)
    {
        if (index >= tokens.Count || !_byFirstKey.TryGetValue(Key(tokens[index].Text), out var candidates))
        {
            return null;
        }

        foreach (var (keys, entry) in candidates)
        {
            if (index + keys.Length > tokens.Count || (kinds is not null && !kinds(entry.Kind)))
            {
                continue;
            }

            var matched = true;
            for (var k = 0; k < keys.Length && matched; k++)
            {
                var token = tokens[index + k];
                matched = Key(token.Text) == keys[k];
                // A possessive may only end the name ("Moscow's ambassador", not "Moscow's Kremlin").
                if (matched && k < keys.Length - 1 && IsPossessive(token.Text))
                {
                    matched = false;
                }
            }

            if (!matched)
            {
                continue;
            }

            var needsCapital = entry.Kind is not (EntryKind.Title or EntryKind.UnnamedHead);
            if (needsCapital && !StartsUpper(tokens[index].Text))
            {
                continue;
            }

            return new GazetteerMatch(keys.Length, entry);
        }

        return null;
    }

    public static bool StartsUpper(string token) => token.Length > 0 && char.IsUpper(token[0]);

    public static bool IsPossessive(string token) => token.EndsWith("'s", StringComparison.Ordinal) || token.EndsWith("’s", StringComparison.Ordinal);
}
