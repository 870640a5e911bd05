using NewsLeakExtractor.Extract.Time;
using Xunit;
using static NewsLeakExtractor.Tests.Extract.ExtractionHarness;

namespace NewsLeakExtractor.Tests.Extract;

/// <summary>Relative time expressions resolved by <see cref="RelativeTimeResolver"/> against the publication date.</summary>
[Collection(ExtractionCollection.Name)]
public sealed class RelativeTimeTests
{
    // ExtractionHarness.PublishedAt is Friday 2024-03-15.
    [Theory]
    [InlineData("The files were handed over two weeks ago, officials said.", "two weeks ago", "2024-03-01")]
    [InlineData("The files were handed over 3 days ago, officials said.", "3 days ago", "2024-03-12")]
    [InlineData("The memo was passed to the paper last month.", "last month", "2024-02")]
    [InlineData("The memo was passed to the paper on Monday.", "on Monday", "2024-03-11")]
    [InlineData("The memo was passed to the paper on Friday.", "on Friday", "2024-03-15")]
    [InlineData("The memo was passed to the paper yesterday.", "yesterday", "2024-03-14")]
    [InlineData("The memo was passed to the paper in 2019.", "in 2019", "2019")]
    [InlineData("The memo was passed to the paper last year.", "last year", "2023")]
    [InlineData("The memo was passed to the paper in January.", "in January", "2024-01")]
    [InlineData("The memo was passed to the paper in November.", "in November", "2023-11")]
    public void Resolves_against_the_publication_date(string sentence, string expression, string date)
    {
        var time = Time(sentence);

        Assert.NotNull(time);
        Assert.Equal(expression, time!.Text);
        Assert.Equal(date, time.Date);
    }

    [Fact]
    public void Last_month_in_january_is_december_of_the_year_before()
    {
        var time = Time("The memo was passed to the paper last month.", "2024-01-10T08:00:00Z");

        Assert.Equal("2023-12", time?.Date);
    }

    [Fact]
    public void Earliest_expression_of_the_sentence_wins()
    {
        var time = Time("On Monday the paper said the memo had been passed to it two weeks ago.");

        Assert.Equal(("On Monday", "2024-03-11"), (time?.Text, time?.Date));
    }

    [Theory]
    [InlineData("The files were handed over two weeks ago, officials said.", "two weeks ago")]
    [InlineData("The memo was passed to the paper last month.", "last month")]
    [InlineData("The memo was passed to the paper on Monday.", "on Monday")]
    public void Without_a_publication_date_the_text_stays_and_the_date_is_null(string sentence, string expression)
    {
        var time = Time(sentence, publishedAt: null);

        Assert.NotNull(time);
        Assert.Equal(expression, time!.Text);
        Assert.Null(time.Date);
    }

    [Fact]
    public void An_explicit_year_needs_no_publication_date()
    {
        var time = Time("The memo was passed to the paper in 2019.", publishedAt: null);

        Assert.Equal(("in 2019", "2019"), (time?.Text, time?.Date));
    }

    [Fact]
    public void Vague_expression_keeps_its_text_without_a_date()
    {
        var time = Time("The memo was recently passed to the paper.");

        Assert.Equal(("recently", null), (time?.Text, time?.Date));
    }

    [Fact]
    public void Sentence_without_a_time_expression_gives_nothing()
    {
        Assert.Null(Time("The memo was passed to the paper by an aide."));
    }

    [Fact]
    public void Event_carries_the_resolved_time_of_its_evidence()
    {
        const string text = "A former defense contractor leaked confidential tax records to The Guardian two weeks ago.";

        var withDate = Assert.Single(Events(text));
        var withoutDate = Assert.Single(Events(text, publishedAt: null));

        Assert.Equal(("two weeks ago", "2024-03-01"), (withDate.OccurredText, withDate.OccurredAt));
        Assert.Equal(("two weeks ago", null), (withoutDate.OccurredText, withoutDate.OccurredAt));
    }
}
