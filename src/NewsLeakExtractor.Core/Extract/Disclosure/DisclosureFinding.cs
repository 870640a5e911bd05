using NewsLeakExtractor.Extract.Mentions;

namespace NewsLeakExtractor.Extract.Disclosure;

/// <summary>One sentence's account of a disclosure: who, to whom, what, and how sure the pattern is.</summary>
public sealed record DisclosureFinding(
    SentenceView Sentence,
    string Frame,
    string Verb,
    Mention? Leaker,
    IReadOnlyList<Mention> Recipients,
    IReadOnlyList<Mention> Owners,
    Contract.Span? Information,
    double Strength)
{
    /// <summary>Owners named only by a nationality word in the information ("British information" gives United Kingdom).</summary>
    public IReadOnlyList<string> OwnerNames { get; init; } = [];
}
