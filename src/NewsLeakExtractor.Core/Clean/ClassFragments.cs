using System.Buffers;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// Fragments of class names and ids ("byline", "dateline") looked for anywhere in an element's class or id, ignoring
/// case. One vectorised search for all of a list's fragments, where a loop of <c>Contains</c> calls would scan the
/// class once per fragment.
/// </summary>
internal sealed class ClassFragments(IEnumerable<string> fragments)
{
    private readonly SearchValues<string> _fragments = SearchValues.Create(fragments.ToArray(), StringComparison.OrdinalIgnoreCase);

    public bool FoundIn(string? text) => !string.IsNullOrEmpty(text) && text.AsSpan().ContainsAny(_fragments);
}
