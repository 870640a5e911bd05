namespace NewsLeakExtractor.Clean;

/// <summary>What a page says about itself, read before any element is removed.</summary>
public sealed record PageMetadata(
    string? Title,
    string? Byline,
    DateTimeOffset? PublishedAt,
    Uri? CanonicalUrl,
    string? SiteName,
    string? Language,
    string? Description)
{
    /// <summary>The body that JSON-LD declares (schema.org articleBody), used to check and rescue the DOM extraction.</summary>
    public string? StructuredBody { get; init; }
}
