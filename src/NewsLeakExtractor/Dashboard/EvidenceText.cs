using NewsLeakExtractor.Contract;

namespace NewsLeakExtractor.Cli.Dashboard;

/// <summary>A span of the article that backs one field of an event, with the anchor id the field links to.</summary>
public sealed record EvidenceAnchor(string Id, string Label, Span Span);

/// <summary>
/// One run of article text: plain, or covered by one or more evidence spans. <see cref="StartingAnchors"/> are the ids
/// of spans that begin here, so a field's link lands on the first word of its evidence.
/// </summary>
public sealed record TextRun(string Text, bool Highlighted, IReadOnlyList<string> StartingAnchors, IReadOnlyList<string> Labels);

/// <summary>
/// Splits an article's text into runs at every evidence boundary. Only offsets are computed here; the page writes each
/// run through Razor's encoder, so article text can never become markup however the spans fall.
/// </summary>
public static class EvidenceText
{
    /// <summary>The anchors of every field of an event that has a span: evidence, disclosures, reporting sources, reactions.</summary>
    public static IReadOnlyList<EvidenceAnchor> Anchors(LeakEvent leak)
    {
        var anchors = new List<EvidenceAnchor>();
        for (var i = 0; i < leak.Evidence.Count; i++)
        {
            anchors.Add(new EvidenceAnchor($"evidence-{i + 1}", $"evidence {i + 1}", leak.Evidence[i]));
        }

        for (var i = 0; i < leak.DisclosedInformation.Count; i++)
        {
            anchors.Add(new EvidenceAnchor($"disclosed-{i + 1}", $"disclosed {i + 1}", leak.DisclosedInformation[i].Evidence));
        }

        for (var i = 0; i < leak.ReportingSources.Count; i++)
        {
            anchors.Add(new EvidenceAnchor($"source-{i + 1}", $"reporting source {i + 1}", leak.ReportingSources[i].Evidence));
        }

        for (var i = 0; i < leak.Reactions.Count; i++)
        {
            anchors.Add(new EvidenceAnchor($"reaction-{i + 1}", $"reaction {i + 1}", leak.Reactions[i].Evidence));
        }

        return anchors;
    }

    /// <summary>Whether a span points inside the text (a stale or damaged record may not).</summary>
    public static bool Fits(Span span, string text) => span.Start >= 0 && span.End > span.Start && span.End <= text.Length;

    public static IReadOnlyList<TextRun> Split(string text, IReadOnlyList<EvidenceAnchor> anchors)
    {
        var usable = anchors
            .Select(anchor => anchor with { Span = anchor.Span with { Start = SafeBoundary(text, anchor.Span.Start), End = SafeBoundary(text, anchor.Span.End) } })
            .Where(anchor => Fits(anchor.Span, text))
            .ToList();
        var boundaries = new SortedSet<int> { 0, text.Length };
        foreach (var anchor in usable)
        {
            boundaries.Add(anchor.Span.Start);
            boundaries.Add(anchor.Span.End);
        }

        var runs = new List<TextRun>();
        var points = boundaries.ToArray();
        for (var i = 0; i + 1 < points.Length; i++)
        {
            var (start, end) = (points[i], points[i + 1]);
            var covering = usable.Where(anchor => anchor.Span.Start <= start && anchor.Span.End >= end).ToList();
            var starting = usable.Where(anchor => anchor.Span.Start == start).Select(anchor => anchor.Id).ToList();
            runs.Add(new TextRun(text[start..end], covering.Count > 0, starting, covering.Select(anchor => anchor.Label).ToList()));
        }

        return runs;
    }

    /// <summary>Keeps a boundary off the middle of a surrogate pair, which would print as two broken characters.</summary>
    private static int SafeBoundary(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1]) ? offset - 1 : offset;
}
