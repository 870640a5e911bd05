namespace NewsLeakExtractor.Text;

/// <summary>
/// Quoted text between matching quote marks. <see cref="Start"/>..<see cref="End"/> is the content between the
/// marks and <see cref="Text"/> is exactly <c>text[Start..End]</c>; a quotation that runs over several paragraphs
/// (each continuation paragraph opening with a quote mark) keeps the paragraph breaks and continuation marks in
/// <see cref="Text"/>, and <see cref="Segments"/> gives its clean pieces.
/// </summary>
public sealed record Quotation(int Start, int End, string Text)
{
    /// <summary>Offset of the opening quote mark (<c>Start - 1</c>).</summary>
    public int OpenMark => Start - 1;

    /// <summary>Offset of the closing quote mark, or -1 when the quotation is never closed (it then ends with its paragraph).</summary>
    public int CloseMark { get; init; } = -1;

    public bool IsClosed => CloseMark >= 0;

    /// <summary>0 for an outermost quotation, 1 for a quotation inside it (‘single’ inside “double”), and so on.</summary>
    public int Depth { get; init; }

    /// <summary>The quotation's content per paragraph, without paragraph breaks and continuation marks.</summary>
    public IReadOnlyList<TextSpan> Segments { get; init; } = [];

    /// <summary>The content between the marks.</summary>
    public TextSpan Span => new(Start, End);

    /// <summary>The quotation with its marks: from the opening mark to just after the closing one (or to <see cref="End"/> when unclosed).</summary>
    public TextSpan Outer => new(OpenMark, IsClosed ? CloseMark + 1 : End);
}
