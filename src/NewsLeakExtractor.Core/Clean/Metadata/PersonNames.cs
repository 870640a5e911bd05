using System.Text.RegularExpressions;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean.Metadata;

/// <summary>
/// Turns a byline as written ("By Jane Doe and John Roe, Staff Writers | May 3, 2021") into the names it holds
/// (["Jane Doe", "John Roe"]).
/// </summary>
internal static partial class PersonNames
{
    private const int MaxNameLength = 64;
    private const int MaxNameWords = 6;

    private static readonly string[] Prefixes = Lexicon.Lines("cleaning/metadata/byline-prefixes.txt")
        .OrderByDescending(p => p.Length).ToArray();

    private static readonly HashSet<string> Roles = Lexicon.Lines("cleaning/metadata/byline-roles.txt")
        .Select(l => l.TrimStart('!')).ToHashSet(StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> RoleNouns = Lexicon.Lines("cleaning/metadata/byline-roles.txt")
        .Where(l => l.StartsWith('!')).Select(l => l[1..]).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Noise = Lexicon.Set("cleaning/metadata/byline-noise.txt");
    private static readonly HashSet<string> StopWords = new(Lexicon.Lines("cleaning/metadata/byline-stop-words.txt"), StringComparer.Ordinal);

    /// <summary>Where one name ends and the next begins: commas, semicolons, "&amp;", a sentence stop, and "and" in the languages we read.</summary>
    private static readonly Regex Conjunctions = new(
        @"\s*(?:,|;|(?<=\p{L}{3})\.\s+(?=\p{Lu})|\s&\s|\s(?:" + string.Join('|', Lexicon.Lines("cleaning/metadata/byline-conjunctions.txt").Select(Regex.Escape)) + @")\s)\s*",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static readonly HashSet<string> MonthNames = Lexicon.Lines("cleaning/metadata/month-names.tsv")
        .SelectMany(line => line.Split('\t', 2)[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names in one byline text, in order, without duplicates.</summary>
    /// <param name="surnameFirst">The text comes from a field that holds one person, where "Doe, Jane" is a name, not two.</param>
    public static List<string> Split(string? byline, bool surnameFirst = false)
    {
        var names = new List<string>();
        if (string.IsNullOrWhiteSpace(byline))
        {
            return names;
        }

        // Line breaks and bullets end the byline proper; what follows is a date, a role or the site.
        string? text = null;
        foreach (var segment in Breaks().Split(StripPrefixes(Contacts().Replace(byline, " ").Trim())))
        {
            var candidate = StripPrefixes(MetaText.Clean(segment) ?? string.Empty);
            if (candidate.Any(char.IsLetter))
            {
                text = candidate;
                break;
            }
        }

        if (text is null)
        {
            return names;
        }

        text = CutAtDate(text);
        var parts = Conjunctions.Split(text).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Any(p => p.Length == 1 || (p.Length == 2 && p.All(char.IsLower))))
        {
            // "Mac & i", "Marks & S": a conjunction inside one name.
            parts = [text];
        }

        if (surnameFirst && parts.Count == 2 && !text.Contains(';') && CommaCount(text) == 1 && MetaText.WordCount(parts[0]) == 1
            && MetaText.WordCount(parts[1]) is 1 or 2 && !IsRole(parts[1]))
        {
            // "Doe, Jane" is one person written surname first.
            parts = [$"{parts[1]} {parts[0]}"];
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var name = TrimName(StripPrefixes(parts[i]));
            if (i > 0 && (IsRole(name) || IsTrailingRole(name)))
            {
                continue;
            }

            if (IsName(name) && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>True when a text could be a person's (or an agency's) name rather than a role, a date or a label.</summary>
    public static bool IsName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length < 2 || name.Length > MaxNameLength || !name.Any(char.IsLetter))
        {
            return false;
        }

        if (Noise.Contains(name) || IsOnlyRoles(name) || name.Contains("http", StringComparison.OrdinalIgnoreCase)
            || name.Contains("www.", StringComparison.OrdinalIgnoreCase) || name.Contains('@') || name.Contains('/'))
        {
            return false;
        }

        var words = MetaText.WordCount(name);
        if (words > MaxNameWords)
        {
            return false;
        }

        // A single all-lower-case Latin word is a user handle or a label ("admin", "mcupdate"), not a name.
        return !(words == 1 && name.All(c => !char.IsLetter(c) || (char.IsLower(c) && c < 'ɏ')));
    }

    /// <summary>A job title or credential: mostly role words ("Senior Staff Writer", "MA").</summary>
    private static bool IsRole(string part)
    {
        var words = part.Split([' ', '.', '-'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.Count(Roles.Contains) * 2 >= words.Length;
    }

    /// <summary>Nothing but role words ("Staff Writer"): no one in particular.</summary>
    private static bool IsOnlyRoles(string part) =>
        part.Split([' ', '.', '-'], StringSplitOptions.RemoveEmptyEntries).All(Roles.Contains);

    /// <summary>A part after the first that holds a role noun ("AP Auto Writer", "CNN Editor-at-large") describes the person before it.</summary>
    private static bool IsTrailingRole(string part) =>
        part.Split([' ', '.', '-'], StringSplitOptions.RemoveEmptyEntries).Any(RoleNouns.Contains);

    private static int CommaCount(string text) => text.Count(c => c == ',');

    private static string StripPrefixes(string text)
    {
        // "Analysis by Jane Doe", "Text and photos by Jane Doe"
        var lead = LeadingBy().Match(text);
        if (lead.Success)
        {
            text = text[lead.Length..];
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var prefix in Prefixes)
            {
                if (text.Length > prefix.Length && text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                    && (char.IsWhiteSpace(text[prefix.Length]) || text[prefix.Length] == ':'))
                {
                    text = text[(prefix.Length + 1)..].TrimStart(' ', ':', '\u00A0', '\t', '\r', '\n');
                    changed = true;
                    break;
                }
            }
        }

        return text;
    }

    /// <summary>Cuts "Jane Doe March 9, 2017 13", "Jane Doe - Apr 16, 2015" and "Jane Doe Updated" before the date or note.</summary>
    private static string CutAtDate(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var bare = words[i].Trim(',', '.', ';', ':');
            if (i == 0 && StopWords.Contains(bare))
            {
                // "Updated: May 3" is a date line, not a byline.
                return string.Empty;
            }

            if (bare.Any(char.IsDigit) || StopWords.Contains(bare)
                || (MonthNames.Contains(bare) && i + 1 < words.Length && words[i + 1].Any(char.IsDigit)))
            {
                return string.Join(' ', words[..i]);
            }
        }

        return text;
    }

    /// <summary>Drops punctuation at the ends.</summary>
    private static string TrimName(string name) => name.Trim(' ', ',', ';', ':', '-', '–', '—', '|', '·', '•', '*');

    /// <summary>A web address or e-mail in brackets after a name: "Jane Doe (https://example.org/jane)".</summary>
    [GeneratedRegex(@"[(\[<][^()\[\]<>]*(?:https?:|www\.|@|\.com|\.org|/)[^()\[\]<>]*[)\]>]|\bhttps?://\S+|\S+@\S+\.\w+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Contacts();

    [GeneratedRegex(@"^\s*(?:\p{L}+\s+){0,3}?by\s*:?\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadingBy();

    [GeneratedRegex(@"\r?\n|\s[|•·—–]\s|\s-\s|\s*\|\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Breaks();

}
