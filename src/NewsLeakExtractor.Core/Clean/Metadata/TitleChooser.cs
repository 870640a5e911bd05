using System.Text.RegularExpressions;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean.Metadata;

/// <summary>One place a page states its title: JSON-LD, og:title, other &lt;meta&gt;, twitter:title, &lt;title&gt;.</summary>
/// <param name="Family">Sources of one family vote once: "jsonld", "og", "meta", "twitter", "document".</param>
internal sealed record TitleSource(string Family, string Text);

/// <summary>
/// Picks the headline among the titles a page states, by agreement: each source (and the page's &lt;h1&gt;)
/// votes for the candidates it contains as a whole or as the head of a "Headline | Site" pair; site and author
/// affixes are cut only where evidence names them, or after a strong separator when the cut part is short.
/// </summary>
internal static partial class TitleChooser
{
    private const int MaxTitleLength = 400;

    private static readonly (string Text, bool Strong)[] Separators = Lexicon.Lines("cleaning/metadata/title-separators.txt")
        .Select(line => line.Split('\t', 2, StringSplitOptions.TrimEntries))
        .Select(parts => (" " + parts[0] + " ", parts.Length > 1 && parts[1].Equals("strong", StringComparison.OrdinalIgnoreCase)))
        .ToArray();

    private static readonly Regex TrailingSeparator = new(
        @"(\s+(" + string.Join('|', Separators.Select(s => Regex.Escape(s.Text.Trim()))) + "))+$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly string[] FamilyOrder = ["jsonld", "og", "meta", "twitter", "document", "h1"];

    public static string? Choose(IReadOnlyList<TitleSource> sources, IReadOnlyList<string> headings, SiteEvidence evidence)
    {
        var usable = sources
            .Select(s => s with { Text = MetaText.Clean(s.Text) ?? string.Empty })
            .Where(s => IsPlausible(s.Text))
            .Select(s => (Source: s, Stripped: Strip(s.Text, evidence, s.Family == "document")))
            .ToList();
        var h1s = headings.Select(CleanHeading).Where(h => h is not null && IsPlausible(h)).Cast<string>().Distinct().ToList();

        var candidates = new List<(string Text, string Family, int Order)>();
        foreach (var (source, stripped) in usable)
        {
            candidates.Add((stripped, source.Family, candidates.Count));
        }

        foreach (var h1 in h1s)
        {
            candidates.Add((h1, "h1", candidates.Count));
        }

        // A title that is nothing but the site's name is no headline, unless nothing else is on offer.
        var named = candidates.Where(c => !evidence.Matches(c.Text, SiteEvidence.Match.Exact)).ToList();
        if (named.Count > 0)
        {
            candidates = named;
        }

        // Every source is compared with every candidate: their canonical forms are made once.
        var usableCanon = usable.Select(u => (Source: Canon(u.Source.Text), Stripped: Canon(u.Stripped))).ToList();
        var h1Canon = h1s.Select(Canon).ToList();

        (string Text, int Support, bool ByHeading, int Family, int Order)? best = null;
        foreach (var candidate in candidates)
        {
            var candidateCanon = Canon(candidate.Text);
            var families = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < usable.Count; i++)
            {
                if (Supports(usableCanon[i].Source, usableCanon[i].Stripped, candidateCanon, evidence))
                {
                    families.Add(usable[i].Source.Family);
                }
            }

            var byHeading = h1Canon.Contains(candidateCanon);
            if (byHeading)
            {
                families.Add("h1");
            }

            // A heading alone is too often a logo or a section name to be trusted without a second voice.
            if (candidate.Family == "h1" && families.Count < 2 && usable.Count > 0)
            {
                continue;
            }

            var entry = (candidate.Text, families.Count, byHeading, Array.IndexOf(FamilyOrder, candidate.Family), candidate.Order);
            if (best is null || Better(entry, best.Value))
            {
                best = entry;
            }
        }

        return best?.Text;
    }

    private static bool Better((string Text, int Support, bool ByHeading, int Family, int Order) a, (string Text, int Support, bool ByHeading, int Family, int Order) b)
    {
        if (a.Support != b.Support)
        {
            return a.Support > b.Support;
        }

        if (a.ByHeading != b.ByHeading)
        {
            return a.ByHeading;
        }

        return a.Family != b.Family ? a.Family < b.Family : a.Order < b.Order;
    }

    private static bool IsPlausible(string? text) =>
        text is { Length: > 0 and <= MaxTitleLength } && !text.Contains("</", StringComparison.Ordinal) && text.Any(char.IsLetterOrDigit);

    /// <summary>Heading text without the permalink marks documentation generators append.</summary>
    private static string? CleanHeading(string heading) => MetaText.Clean(HeadingMarks().Replace(heading, string.Empty));

    /// <summary>
    /// True when a source states the candidate: whole, as its stripped form, or as one side of a separator.
    /// All three come in their canonical form (<see cref="Canon"/>).
    /// </summary>
    private static bool Supports(string s, string stripped, string c, SiteEvidence evidence)
    {
        if (s == c || stripped == c)
        {
            return true;
        }

        if (c.Length < 2)
        {
            return false;
        }

        // "Headline | Site", "Headline: subtitle", "Headline. More words…"
        if (s.StartsWith(c, StringComparison.Ordinal))
        {
            var rest = s[c.Length..];
            if (rest.StartsWith(": ", StringComparison.Ordinal) || rest.StartsWith(". ", StringComparison.Ordinal)
                || Separators.Any(sep => rest.StartsWith(sep.Text, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        // "Site | Headline" only when the head names the site.
        if (s.EndsWith(c, StringComparison.Ordinal))
        {
            var head = s[..^c.Length];
            foreach (var (sep, _) in Separators)
            {
                if (head.EndsWith(sep, StringComparison.Ordinal) && evidence.Matches(head[..^sep.Length], SiteEvidence.Match.WithinName))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Drops site and author affixes: those that evidence names, then one short tail after a strong separator
    /// (after any separator for the &lt;title&gt; element, which carries the site's name far more often than a headline's dash).
    /// </summary>
    internal static string Strip(string title, SiteEvidence evidence, bool isDocumentTitle = false)
    {
        var text = title.Trim();
        for (var round = 0; round < 6; round++)
        {
            var before = text;
            text = TrailingSeparator.Replace(text, string.Empty).Trim();

            var bracket = TrailingBracket().Match(text);
            if (bracket.Success && bracket.Index > 0 && MetaText.WordCount(bracket.Groups[1].Value) <= 6)
            {
                text = text[..bracket.Index].Trim();
            }

            if (LastSeparator(text) is { } last && evidence.Matches(text[(last.Index + last.Length)..]) && text[..last.Index].Trim().Length > 0)
            {
                text = text[..last.Index].Trim();
            }
            else if (FirstSeparator(text) is { } first && evidence.Matches(text[..first.Index], SiteEvidence.Match.WithinName)
                     && MetaText.WordCount(text[(first.Index + first.Length)..]) >= 2)
            {
                text = text[(first.Index + first.Length)..].Trim();
            }

            if (text == before)
            {
                break;
            }
        }

        if (LastSeparator(text) is { } separator)
        {
            var head = text[..separator.Index].Trim();
            var tail = text[(separator.Index + separator.Length)..].Trim();
            if (separator.Strong && MetaText.WordCount(tail) <= 4 && tail.Length <= 40 && (MetaText.WordCount(head) >= 3 || head.Length >= 3 * tail.Length))
            {
                text = head;
            }
            else if (isDocumentTitle && MetaText.WordCount(tail) <= 3 && tail.Length <= 30 && MetaText.WordCount(head) >= 4)
            {
                text = head;
            }
        }

        // "Opinion | The headline": a one- or two-word section before a strong separator.
        if (FirstSeparator(text) is { Strong: true } opening)
        {
            var head = text[..opening.Index].Trim();
            var tail = text[(opening.Index + opening.Length)..].Trim();
            if (MetaText.WordCount(head) <= 2 && head.Length <= 20 && MetaText.WordCount(tail) >= 4)
            {
                text = tail;
            }
        }

        return text.Length == 0 ? title.Trim() : text;
    }

    private static (int Index, int Length, bool Strong)? LastSeparator(string text)
    {
        (int Index, int Length, bool Strong)? found = null;
        foreach (var (sep, strong) in Separators)
        {
            var index = text.LastIndexOf(sep, StringComparison.Ordinal);
            if (index > 0 && (found is null || index > found.Value.Index))
            {
                found = (index, sep.Length, strong);
            }
        }

        return found;
    }

    internal static (int Index, int Length, bool Strong)? FirstSeparator(string text)
    {
        (int Index, int Length, bool Strong)? found = null;
        foreach (var (sep, strong) in Separators)
        {
            var index = text.IndexOf(sep, StringComparison.Ordinal);
            if (index > 0 && (found is null || index < found.Value.Index))
            {
                found = (index, sep.Length, strong);
            }
        }

        return found;
    }

    /// <summary>Lower case, straight quotes, single spaces: how two statements of one title are compared.</summary>
    private static string Canon(string text) =>
        TextNormalizer.CollapseWhitespace(text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"').Replace('\u00A0', ' '))
            .Trim().TrimEnd('.', ' ').ToLowerInvariant();

    [GeneratedRegex(@"\s*\[([^\[\]]{1,80})\]$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingBracket();

    [GeneratedRegex(@"\s*[¶§#🔗]+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingMarks();
}
