namespace NewsLeakExtractor.Text;

/// <summary>
/// One sentence: <see cref="Text"/> is exactly <c>text[Start..End]</c>, with no whitespace at either end.
/// </summary>
public sealed record Sentence(int Index, int Start, int End, string Text)
{
    /// <summary>Index of the paragraph (a block of lines between blank lines) the sentence is in.</summary>
    public int Paragraph { get; init; }

    /// <summary>
    /// True when the sentence begins inside a quotation: with its opening mark or in the middle of a quotation
    /// opened in an earlier sentence ("Never,” he said." after "“I never mentioned it.").
    /// </summary>
    public bool InQuotation { get; init; }

    /// <summary>
    /// The outermost quotation enclosing the sentence's start; otherwise one that opens in this sentence and runs
    /// on past its end. Null when the sentence has no quotation or only quotations wholly inside it.
    /// </summary>
    public Quotation? Quotation { get; init; }

    public TextSpan Span => new(Start, End);

    public int Length => End - Start;
}
