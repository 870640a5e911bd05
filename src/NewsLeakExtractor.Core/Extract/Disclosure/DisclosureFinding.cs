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

    /// <summary>The verb means leaking on its own ("leaked", "divulged").</summary>
    public bool StrongVerb { get; init; }

    /// <summary>What was disclosed is named as protected information ("the memo", "classified documents").</summary>
    public bool NamesInformation { get; init; }

    /// <summary>What was disclosed carries a classification or protection word ("internal", "confidential", "classified").</summary>
    public bool Classified { get; init; }
}
