namespace NewsLeakExtractor.Fetch;

/// <summary>What the fetch stage hands to cleaning: the bytes as received, with what the transport said about them.</summary>
/// <param name="Source">The URL as fetched, or a file:// URI for a local file.</param>
/// <param name="Content">The body, already decompressed.</param>
/// <param name="MediaType">The declared media type (Content-Type without parameters), or one implied by the file extension.</param>
/// <param name="Charset">The charset declared by the transport, if any.</param>
public sealed record RawDocument(Uri Source, ReadOnlyMemory<byte> Content, string MediaType, string? Charset)
{
    public bool IsPlainText => MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
}
