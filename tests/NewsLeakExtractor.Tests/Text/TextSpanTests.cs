using NewsLeakExtractor.Text;
using Xunit;

namespace NewsLeakExtractor.Tests.Text;

public sealed class TextSpanTests
{
    [Fact]
    public void Span_reads_its_text_back_from_the_source()
    {
        const string source = "The clerk kept a copy.";
        var span = new TextSpan(4, 9);

        Assert.Equal(5, span.Length);
        Assert.Equal("clerk", span.Of(source));
        Assert.Equal("clerk", span.SliceOf(source).ToString());
        Assert.False(span.IsEmpty);
    }

    [Fact]
    public void Containment_and_overlap_follow_half_open_ranges()
    {
        var span = new TextSpan(10, 20);

        Assert.True(span.Contains(10));
        Assert.False(span.Contains(20));
        Assert.True(span.Contains(new TextSpan(12, 20)));
        Assert.False(span.Contains(new TextSpan(12, 21)));
        Assert.True(span.Overlaps(new TextSpan(19, 25)));
        Assert.False(span.Overlaps(new TextSpan(20, 25)));
        Assert.False(span.Overlaps(new TextSpan(15, 15)));
    }

    [Fact]
    public void Spans_are_values()
    {
        var (start, end) = new TextSpan(3, 7);

        Assert.Equal(new TextSpan(3, 7), new TextSpan(start, end));
        Assert.Equal("[3..7)", new TextSpan(3, 7).ToString());
    }

    [Theory]
    [InlineData(-1, 4)]
    [InlineData(5, 4)]
    public void Invalid_ranges_are_rejected(int start, int end) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(start, end));
}
