namespace NewsLeakExtractor.Contract;

/// <summary>
/// The public output contract (shared/eval/FORMAT.md): one document per article.
/// Extend by adding properties; never change the shape of existing ones.
/// </summary>
public sealed record ExtractionResult(ArticleRecord Article, IReadOnlyList<LeakEvent> Events);

/// <summary>The cleaned article; every span in <see cref="LeakEvent"/> indexes <see cref="Text"/>.</summary>
public sealed record ArticleRecord(
    string Url,
    string CanonicalUrl,
    string? Title,
    string? Byline,
    string? SiteName,
    string? PublishedAt,
    string? Language,
    string Text)
{
    /// <summary>The page's own summary (meta description / og:description), an addition to the contract.</summary>
    public string? Description { get; init; }
}

public sealed record LeakEvent(
    string Id,
    string Summary,
    IReadOnlyList<Actor> Leakers,
    IReadOnlyList<Actor> Recipients,
    IReadOnlyList<Actor> InformationOwners,
    IReadOnlyList<DisclosedInformation> DisclosedInformation,
    string? Channel,
    string? Location,
    string? OccurredAt,
    string? OccurredText,
    IReadOnlyList<ReportingSource> ReportingSources,
    IReadOnlyList<Reaction> Reactions,
    IReadOnlyList<Span> Evidence,
    double Confidence);

public sealed record Actor(string Name, string? Role, string Kind, string? Affiliation);

public sealed record Span(int Start, int End, string Text);

public sealed record DisclosedInformation(string Text, string? Classification, Span Evidence);

public sealed record ReportingSource(string Name, string Cue, Span Evidence);

public sealed record Reaction(Actor Actor, string Kind, string Text, string? Quote, Span Evidence);
