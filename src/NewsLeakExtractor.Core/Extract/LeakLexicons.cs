using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Extract;

/// <summary>What a gazetteer entry names.</summary>
public enum EntryKind
{
    Outlet,
    Country,
    Demonym,
    Capital,
    Organization,
    Title,
    UnnamedHead,
}

/// <summary>One name the extractors recognise, with the canonical name it stands for.</summary>
/// <param name="Canonical">The entity's canonical name ("United States" for "U.S.", "Israel" for "Israeli").</param>
/// <param name="SubKind">The lexicon's own kind column (newspaper, agency, political, ...).</param>
/// <param name="Country">The country the entry belongs to, where the lexicon says.</param>
public sealed record GazetteerEntry(string Surface, string Canonical, EntryKind Kind, string? SubKind, string? Country);

/// <summary>
/// The lexicons of <c>models/lexicons/</c>, loaded once: outlets, countries, organisations, titles, unnamed-actor heads,
/// leak verbs, reaction cues, classifications, channels and relative time expressions.
/// </summary>
public sealed class LeakLexicons
{
    public LeakLexicons()
    {
        var entries = new List<GazetteerEntry>();
        foreach (var row in Rows("lexicons/outlets.tsv", 3))
        {
            foreach (var surface in Alternatives(row[0], row[1]))
            {
                entries.Add(new GazetteerEntry(surface, row[0], EntryKind.Outlet, row[2], null));
            }
        }

        foreach (var row in Rows("lexicons/countries.tsv", 4))
        {
            var country = row[0];
            foreach (var surface in Alternatives(country, row[2]))
            {
                entries.Add(new GazetteerEntry(surface, country, EntryKind.Country, null, country));
            }

            foreach (var surface in Split(row[1]))
            {
                entries.Add(new GazetteerEntry(surface, country, EntryKind.Demonym, null, country));
            }

            foreach (var surface in Split(row[3]))
            {
                entries.Add(new GazetteerEntry(surface, country, EntryKind.Capital, null, country));
            }
        }

        foreach (var row in Rows("lexicons/organizations.tsv", 4))
        {
            foreach (var surface in Alternatives(row[0], row[1]))
            {
                entries.Add(new GazetteerEntry(surface, row[0], EntryKind.Organization, row[2], NullIfEmpty(row[3])));
            }
        }

        foreach (var row in Rows("lexicons/titles.tsv", 2))
        {
            foreach (var surface in Split(row[0]))
            {
                entries.Add(new GazetteerEntry(surface, surface, EntryKind.Title, row[1], null));
            }
        }

        foreach (var row in Rows("lexicons/unnamed-actors.tsv", 2))
        {
            foreach (var surface in Split(row[0]))
            {
                entries.Add(new GazetteerEntry(surface, surface, EntryKind.UnnamedHead, row[1], null));
            }
        }

        Entries = entries;
        LeakVerbs = Pairs("lexicons/leak-verbs.tsv");
        ReactionCues = Pairs("lexicons/reaction-cues.tsv");
        Classifications = Pairs("lexicons/classifications.tsv");
        Channels = Pairs("lexicons/channels.tsv");
        TimeExpressions = Rows("lexicons/time-expressions.tsv", 2).Select(r => (r[0], r[1])).ToList();
    }

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>Verb form or phrase → frame (give, tell, obtain, publish, expose, noun).</summary>
    public IReadOnlyDictionary<string, string> LeakVerbs { get; }

    /// <summary>Cue → reaction kind (statement, denial, condemnation, concern, investigation, ...).</summary>
    public IReadOnlyDictionary<string, string> ReactionCues { get; }

    /// <summary>Phrase → classification (top secret, secret, classified, confidential, ...).</summary>
    public IReadOnlyDictionary<string, string> Classifications { get; }

    /// <summary>Cue → channel (meeting, phone call, document, messaging app, ...).</summary>
    public IReadOnlyDictionary<string, string> Channels { get; }

    /// <summary>Pattern → meaning, in file order (see the file's header for the notation).</summary>
    public IReadOnlyList<(string Pattern, string Meaning)> TimeExpressions { get; }

    private static IEnumerable<string[]> Rows(string path, int columns) =>
        Lexicon.Lines(path)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length >= Math.Min(columns, 2) && parts[0].Trim().Length > 0)
            .Select(parts => Enumerable.Range(0, columns).Select(i => i < parts.Length ? parts[i].Trim() : string.Empty).ToArray());

    private static Dictionary<string, string> Pairs(string path)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Rows(path, 2))
        {
            foreach (var surface in Split(row[0]))
            {
                pairs.TryAdd(surface, row[1]);
            }
        }

        return pairs;
    }

    private static IEnumerable<string> Alternatives(string name, string aliases) => Split(name).Concat(Split(aliases)).Distinct(StringComparer.Ordinal);

    private static string[] Split(string column) =>
        column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
