using NewsLeakExtractor.Text;
using Xunit;

namespace NewsLeakExtractor.Tests.Text;

public sealed class QuotationFinderTests
{
    private static List<string> Texts(string text) => QuotationFinder.Find(text).Select(q => q.Text).ToList();

    [Fact]
    public void Finds_curly_quotations_with_offsets_between_the_marks()
    {
        const string text = "“We did nothing wrong,” the aide said.";
        var quotation = Assert.Single(QuotationFinder.Find(text));

        Assert.Equal("We did nothing wrong,", quotation.Text);
        Assert.Equal(1, quotation.Start);
        Assert.Equal(0, quotation.OpenMark);
        Assert.Equal(text.IndexOf('”', StringComparison.Ordinal), quotation.CloseMark);
        Assert.True(quotation.IsClosed);
        Assert.Equal(0, quotation.Depth);
        Assert.Equal("“We did nothing wrong,”", quotation.Outer.Of(text));
    }

    [Fact]
    public void Quotation_runs_across_sentences_in_a_paragraph()
    {
        Assert.Equal(["I never mentioned it. Never. Not once,"], Texts("“I never mentioned it. Never. Not once,” he said."));
    }

    [Fact]
    public void Straight_quotes_alternate()
    {
        Assert.Equal(["Yes,", "but not today."], Texts("\"Yes,\" she said, \"but not today.\""));
    }

    [Fact]
    public void Inch_marks_are_not_quotations()
    {
        Assert.Empty(QuotationFinder.Find("He bought a 12\" screen and a 6' ladder."));
    }

    [Fact]
    public void Single_quotes_nest_inside_double_quotes()
    {
        const string text = "“They called it ‘routine’ at the time,” he said.";
        var quotations = QuotationFinder.Find(text);

        Assert.Equal(2, quotations.Count);
        Assert.Equal("They called it ‘routine’ at the time,", quotations[0].Text);
        Assert.Equal(0, quotations[0].Depth);
        Assert.Equal("routine", quotations[1].Text);
        Assert.Equal(1, quotations[1].Depth);
    }

    [Fact]
    public void Apostrophes_do_not_close_single_quotations()
    {
        Assert.Equal(["Norway’s envoy didn’t know"], Texts("She wrote ‘Norway’s envoy didn’t know’ in the margin."));
        Assert.Equal(["the rock ’n’ roll years"], Texts("He said 'the rock ’n’ roll years' were over."));
        Assert.Equal(["The officials’ view is clear."], Texts("She wrote: ‘The officials’ view is clear.’ Nobody replied."));
    }

    [Fact]
    public void British_single_quote_style_is_found_at_the_top_level()
    {
        var quotation = Assert.Single(QuotationFinder.Find("‘We will not resign,’ the minister said."));

        Assert.Equal("We will not resign,", quotation.Text);
        Assert.Equal(0, quotation.Depth);
    }

    [Fact]
    public void Quotation_continues_into_a_paragraph_that_reopens_it()
    {
        const string text = "“The first paragraph of the statement.\n\n“The second paragraph.\n\n“The last one,” she said.";
        var quotation = Assert.Single(QuotationFinder.Find(text));

        Assert.True(quotation.IsClosed);
        Assert.Equal(text.IndexOf('”', StringComparison.Ordinal), quotation.CloseMark);
        Assert.Equal(text[1..text.IndexOf('”', StringComparison.Ordinal)], quotation.Text);
        Assert.Equal(
            ["The first paragraph of the statement.", "The second paragraph.", "The last one,"],
            quotation.Segments.Select(s => s.Of(text)));
    }

    [Fact]
    public void Single_quote_style_also_continues_over_paragraphs()
    {
        const string text = "‘It began in spring.\n\n‘It ended in autumn,’ he said.";
        var quotation = Assert.Single(QuotationFinder.Find(text));

        Assert.Equal(["It began in spring.", "It ended in autumn,"], quotation.Segments.Select(s => s.Of(text)));
    }

    [Fact]
    public void Unclosed_quotation_ends_with_its_paragraph_when_the_next_does_not_reopen()
    {
        const string text = "He said: “This was never approved.\n\nThe ministry did not reply.";
        var quotation = Assert.Single(QuotationFinder.Find(text));

        Assert.False(quotation.IsClosed);
        Assert.Equal(-1, quotation.CloseMark);
        Assert.Equal("This was never approved.", quotation.Text);
    }

    [Fact]
    public void Quotation_continues_over_a_line_break_that_it_closes_after()
    {
        const string text = "“The first line of a verse\nand the second,” she read.";
        var quotation = Assert.Single(QuotationFinder.Find(text));

        Assert.Equal("The first line of a verse\nand the second,", quotation.Text);
        Assert.Equal(2, quotation.Segments.Count);
    }

    [Fact]
    public void A_second_opening_mark_ends_an_unclosed_quotation()
    {
        var quotations = QuotationFinder.Find("“First words. “Second words,” he said.");

        Assert.Equal(["First words.", "Second words,"], quotations.Select(q => q.Text));
        Assert.False(quotations[0].IsClosed);
        Assert.True(quotations[1].IsClosed);
    }

    [Fact]
    public void Opening_mark_typed_for_a_closing_one_still_closes()
    {
        Assert.Equal(["Fine,"], Texts("“Fine,“ he said."));
    }

    [Fact]
    public void German_and_french_marks_are_recognised()
    {
        Assert.Equal(["Nein,"], Texts("„Nein,“ sagte er."));
        Assert.Equal(["Non,"], Texts("«Non,» dit-il."));
    }

    [Fact]
    public void Stray_closing_marks_and_empty_quotes_are_ignored()
    {
        Assert.Empty(QuotationFinder.Find("An odd mark” here and “ ” there."));
    }

    [Fact]
    public void Results_are_ordered_and_index_the_source()
    {
        const string text = "“One,” he said. ‘Two,’ she said. \"Three,\" they said.\n\n“Four.";
        var quotations = QuotationFinder.Find(text);

        Assert.Equal(["One,", "Two,", "Three,", "Four."], quotations.Select(q => q.Text));
        Assert.All(quotations, q => Assert.Equal(q.Text, text[q.Start..q.End]));
        Assert.Equal(quotations.OrderBy(q => q.Start).Select(q => q.Start), quotations.Select(q => q.Start));
    }
}
