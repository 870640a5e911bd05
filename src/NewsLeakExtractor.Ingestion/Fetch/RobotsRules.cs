using System.Globalization;
using System.Text;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>
/// The rules of one robots.txt for one crawler (RFC 9309): the groups naming our product token, or else the
/// <c>*</c> groups; the longest matching Allow/Disallow pattern decides (Allow on a tie); <c>*</c> matches any run
/// of characters and a final <c>$</c> anchors the end. Crawl-delay, outside the RFC but widely used, is kept.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<Rule> _rules;

    private RobotsRules(List<Rule> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>No robots.txt (4xx) or no group for us: everything may be fetched.</summary>
    public static RobotsRules AllowAll { get; } = new([], null);

    public TimeSpan? CrawlDelay { get; }

    public static RobotsRules Parse(string text, string productToken)
    {
        var groups = new List<Group>();
        Group? current = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#', 2)[0].Trim().TrimStart('\uFEFF');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (field)
            {
                case "user-agent":
                    // Consecutive user-agent lines share one group; one after a rule starts the next group.
                    if (current is null || current.HasMembers)
                    {
                        current = new Group();
                        groups.Add(current);
                    }

                    current.Agents.Add(value);
                    break;
                case "allow" or "disallow" when current is not null:
                    current.HasMembers = true;
                    if (value.Length > 0)
                    {
                        current.Rules.Add(new Rule(NormalisePattern(value), field == "allow"));
                    }

                    break;
                case "crawl-delay" when current is not null:
                    current.HasMembers = true;
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 86_400)
                    {
                        current.CrawlDelay = TimeSpan.FromSeconds(seconds);
                    }

                    break;
            }
        }

        var ours = groups.Where(g => g.Agents.Any(agent => NamesUs(agent, productToken))).ToList();
        var chosen = ours.Count > 0 ? ours : groups.Where(g => g.Agents.Any(agent => agent == "*")).ToList();
        if (chosen.Count == 0)
        {
            return AllowAll;
        }

        // Several groups for the same agent are merged (RFC 9309 section 2.2.1).
        return new RobotsRules(chosen.SelectMany(g => g.Rules).ToList(), chosen.Select(g => g.CrawlDelay).Max());
    }

    /// <summary>Whether the path and query of a URL (as <see cref="Uri.PathAndQuery"/> gives it) may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        var path = NormalisePath(pathAndQuery);
        if (path == "/robots.txt")
        {
            return true;
        }

        Rule? best = null;
        foreach (var rule in _rules)
        {
            if (Matches(rule.Pattern, path)
                && (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow)))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    private static bool NamesUs(string agent, string productToken)
    {
        // "NewsLeakExtractor/1.0" and "newsleakextractor" both name us; "*" is not ours.
        var name = agent.Split('/', 2)[0].Trim();
        return name.Equals(productToken, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Glob match from the start of the path: <c>*</c> is any run, a final <c>$</c> anchors, anything else must follow
    /// literally. Linear backtracking over the last star, so a hostile pattern cannot blow up.
    /// </summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored)
        {
            pattern = pattern[..^1];
        }

        int p = 0, s = 0, starP = -1, starS = 0;
        while (s < path.Length)
        {
            if (p == pattern.Length && !anchored)
            {
                return true; // the pattern is a prefix of the path
            }

            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starS = s;
            }
            else if (p < pattern.Length && pattern[p] == path[s])
            {
                p++;
                s++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                s = ++starS;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Percent-encodes non-ASCII (as URLs carry it) and upper-cases escapes, so a pattern and a path compare octet for octet.</summary>
    private static string NormalisePattern(string pattern)
    {
        var builder = new StringBuilder(pattern.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in pattern.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return UpperCaseEscapes(builder.ToString());
    }

    private static string NormalisePath(string pathAndQuery) => UpperCaseEscapes(pathAndQuery.Length == 0 ? "/" : pathAndQuery);

    private static string UpperCaseEscapes(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i + 2 < chars.Length; i++)
        {
            if (chars[i] == '%' && Uri.IsHexDigit(chars[i + 1]) && Uri.IsHexDigit(chars[i + 2]))
            {
                chars[i + 1] = char.ToUpperInvariant(chars[i + 1]);
                chars[i + 2] = char.ToUpperInvariant(chars[i + 2]);
            }
        }

        return new string(chars);
    }

    private sealed record Rule(string Pattern, bool Allow);

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<Rule> Rules { get; } = [];

        public bool HasMembers { get; set; }

        public TimeSpan? CrawlDelay { get; set; }
    }
}
