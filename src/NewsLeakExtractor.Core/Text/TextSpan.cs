namespace NewsLeakExtractor.Text;

/// <summary>
/// A half-open range [Start, End) of UTF-16 code units in a source string. Every span the text layer hands out
/// indexes the original text, never a normalised copy, so evidence can be quoted back exactly.
/// </summary>
public readonly record struct TextSpan
{
    public TextSpan(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;

    public bool IsEmpty => Start == End;

    /// <summary>The spanned text of <paramref name="source"/>, which must be the string the span was taken from.</summary>
    public string Of(string source) => source.Substring(Start, Length);

    /// <summary>The spanned characters of <paramref name="source"/> without allocating.</summary>
    public ReadOnlySpan<char> SliceOf(string source) => source.AsSpan(Start, Length);

    public bool Contains(int position) => position >= Start && position < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the spans share at least one character (empty spans overlap nothing).</summary>
    public bool Overlaps(TextSpan other) => !IsEmpty && !other.IsEmpty && Start < other.End && other.Start < End;

    public void Deconstruct(out int start, out int end)
    {
        start = Start;
        end = End;
    }

    public override string ToString() => $"[{Start}..{End})";
}
