using NewsLeakExtractor.Text;
using Xunit;

namespace NewsLeakExtractor.Tests.Text;

/// <summary>Properties that must hold for any input: offsets round-trip, nothing is lost or doubled, no crash.</summary>
public sealed class TextInvariantTests
{
    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>();
        foreach (var seed in new[] { 1, 2, 3, 17, 2024 })
        {
            data.Add(TextGenerator.News(seed, 40_000));
        }

        foreach (var seed in new[] { 5, 6, 7 })
        {
            data.Add(TextGenerator.Noise(seed, 20_000));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Sentences_round_trip_and_cover_every_visible_character(string text)
    {
        var sentences = SentenceSplitter.Split(text);
        var covered = new bool[text.Length];
        var previousEnd = 0;
        var previousParagraph = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            Assert.Equal(i, s.Index);
            Assert.Equal(s.Text, text[s.Start..s.End]);
            Assert.True(s.Length > 0);
            Assert.False(TextChars.IsSpace(s.Text[0]), $"sentence {i} starts with whitespace");
            Assert.False(TextChars.IsSpace(s.Text[^1]), $"sentence {i} ends with whitespace");
            Assert.DoesNotContain(s.Text, TextChars.IsLineBreak);
            Assert.True(s.Start >= previousEnd, $"sentence {i} overlaps the one before");
            Assert.True(s.Paragraph >= previousParagraph);
            if (s.InQuotation)
            {
                Assert.NotNull(s.Quotation);
                Assert.True(s.Quotation.OpenMark <= s.Start);
            }

            for (var k = s.Start; k < s.End; k++)
            {
                covered[k] = true;
            }

            previousEnd = s.End;
            previousParagraph = s.Paragraph;
        }

        for (var k = 0; k < text.Length; k++)
        {
            Assert.True(covered[k] || TextChars.IsSpace(text[k]), $"character {k} (U+{(int)text[k]:X4}) is in no sentence");
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Tokens_round_trip_and_cover_every_visible_character(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var covered = new bool[text.Length];
        var previousEnd = 0;
        foreach (var t in tokens)
        {
            Assert.Equal(t.Text, text[t.Start..t.End]);
            Assert.True(t.Length > 0);
            Assert.True(t.Start >= previousEnd);
            Assert.DoesNotContain(t.Text, TextChars.IsSpace);
            for (var k = t.Start; k < t.End; k++)
            {
                covered[k] = true;
            }

            previousEnd = t.End;
        }

        for (var k = 0; k < text.Length; k++)
        {
            Assert.True(covered[k] || TextChars.IsSpace(text[k]), $"character {k} (U+{(int)text[k]:X4}) is in no token");
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Quotations_round_trip_and_sit_between_quote_marks(string text)
    {
        var previousStart = -1;
        foreach (var q in QuotationFinder.Find(text))
        {
            Assert.Equal(q.Text, text[q.Start..q.End]);
            Assert.True(TextChars.IsQuoteMark(text[q.OpenMark]));
            Assert.True(q.Start >= previousStart);
            if (q.IsClosed)
            {
                Assert.Equal(q.End, q.CloseMark);
                Assert.True(TextChars.IsQuoteMark(text[q.CloseMark]));
            }

            Assert.NotEmpty(q.Segments);
            Assert.All(q.Segments, segment => Assert.True(q.Span.Contains(segment)));
            previousStart = q.Start;
        }
    }

    [Fact]
    public void Sentence_text_within_a_line_is_the_whole_line_when_joined()
    {
        // Re-joining a line's sentences with the whitespace between them gives the line back.
        var text = TextGenerator.News(99, 20_000);
        var sentences = SentenceSplitter.Split(text);
        for (var i = 1; i < sentences.Count; i++)
        {
            var gap = text[sentences[i - 1].End..sentences[i].Start];
            Assert.True(gap.All(TextChars.IsSpace), $"non-space text between sentences {i - 1} and {i}: '{gap}'");
        }
    }
}
