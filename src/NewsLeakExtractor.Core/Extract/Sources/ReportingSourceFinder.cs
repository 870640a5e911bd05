using NewsLeakExtractor.Extract.Mentions;

namespace NewsLeakExtractor.Extract.Sources;

/// <summary>An outlet the article cites, with the words that cite it ("reported", "according to", "told").</summary>
public sealed record SourceCitation(SentenceView Sentence, Mention Outlet, string Cue);

/// <summary>
/// Finds the reporting sources an article cites: "the New York Times reported", "according to Reuters",
/// "told BuzzFeed", "first reported by Axios", "Army Radio said", "spoke with the publication".
/// Outlets come from the gazetteer, so every citation names a real outlet, never an arbitrary phrase.
/// </summary>
public sealed class ReportingSourceFinder
{
    private static readonly string[] CuesBefore =
    [
        "according to", "first reported by", "reported by", "told", "speaking to", "spoke to", "spoke with", "said to", "in an interview with", "interview with",
        "obtained by", "seen by", "reviewed by", "citing", "cited by", "quoted by", "shared with", "leaked to", "provided to", "given to", "announced", "to",
    ];

    private static readonly string[] CuesAfter =
    [
        "reported", "reports", "first reported", "revealed", "said", "says", "published", "quoted", "wrote", "cited", "citing", "obtained", "learned", "disclosed", "broke the story", "has learned",
    ];

    public IReadOnlyList<SourceCitation> Find(string text, SentenceView view)
    {
        var citations = new List<SourceCitation>();
        foreach (var mention in view.Mentions)
        {
            if (mention.Entity?.Kind != MentionKind.Outlet)
            {
                continue;
            }

            var cue = CueAfter(text, mention.End, view.End) ?? CueBefore(text, mention.Start, view.Start) ?? "cited";
            citations.Add(new SourceCitation(view, mention, cue));
        }

        return citations;
    }

    private static string? CueAfter(string text, int from, int limit)
    {
        var window = text[from..Math.Min(limit, from + 40)].TrimStart(',', ' ').ToLowerInvariant();
        foreach (var cue in CuesAfter.OrderByDescending(c => c.Length))
        {
            if (window.StartsWith(cue, StringComparison.Ordinal) || window.StartsWith("has " + cue, StringComparison.Ordinal) || window.StartsWith("also " + cue, StringComparison.Ordinal))
            {
                return cue;
            }
        }

        return null;
    }

    private static string? CueBefore(string text, int to, int limit)
    {
        var start = Math.Max(limit, to - 50);
        var window = text[start..to].TrimEnd().ToLowerInvariant();
        if (window.EndsWith(" the", StringComparison.Ordinal))
        {
            window = window[..^4].TrimEnd();
        }

        foreach (var cue in CuesBefore.OrderByDescending(c => c.Length))
        {
            if (window.EndsWith(" " + cue, StringComparison.Ordinal) || window == cue)
            {
                return cue;
            }
        }

        // "announced the changes to Army Radio": a telling verb a few words before "to".
        return window.EndsWith(" to", StringComparison.Ordinal) && window.Contains("announced", StringComparison.Ordinal) ? "announced to" : null;
    }
}
