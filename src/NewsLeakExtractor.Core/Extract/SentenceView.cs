using NewsLeakExtractor.Classify;
using NewsLeakExtractor.Extract.Mentions;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Extract;

/// <summary>Everything the extractors know about one sentence: its place in the text, its tokens, its actors, its role scores.</summary>
public sealed record SentenceView(Sentence Sentence, IReadOnlyList<Token> Tokens, IReadOnlyList<Mention> Mentions, SentenceRoleScores Roles)
{
    public int Index => Sentence.Index;

    public int Start => Sentence.Start;

    public int End => Sentence.End;

    public string Text => Sentence.Text;

    public Contract.Span ToSpan() => new(Start, End, Text);

    /// <summary>The index of the first token at or after character <paramref name="offset"/>.</summary>
    public int TokenAt(int offset)
    {
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (Tokens[i].Start >= offset)
            {
                return i;
            }
        }

        return Tokens.Count;
    }
}
