using NewsLeakExtractor.Text;
using Xunit;

namespace NewsLeakExtractor.Tests.Text;

/// <summary>Expected splits are written with " | " between sentences.</summary>
public sealed class SentenceSplitterTests
{
    private static string Split(string text) => string.Join(" | ", SentenceSplitter.Split(text).Select(s => s.Text));

    [Theory]
    [InlineData("The memo reached a reporter. The ministry denied it.", "The memo reached a reporter. | The ministry denied it.")]
    [InlineData("Who sent it? Nobody knows! The inquiry continues.", "Who sent it? | Nobody knows! | The inquiry continues.")]
    [InlineData("It was over. 12 staff were suspended.", "It was over. | 12 staff were suspended.")]
    [InlineData("The file leaked.  Then it spread.", "The file leaked. | Then it spread.")]
    [InlineData("Really?! Yes.", "Really?! | Yes.")]
    [InlineData("Sales rose. iPhone demand held up.", "Sales rose. | iPhone demand held up.")]
    [InlineData("A short one.", "A short one.")]
    public void Splits_at_terminators_before_a_capital_number_or_quote(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("He said no. and then left.", "He said no. and then left.")]
    [InlineData("Was it real? she wondered.", "Was it real? she wondered.")]
    [InlineData("The rate was 3.5 per cent. It fell.", "The rate was 3.5 per cent. | It fell.")]
    [InlineData("Version 2.0.1 shipped.", "Version 2.0.1 shipped.")]
    [InlineData("The end.It was missing a space.", "The end.It was missing a space.")]
    public void Does_not_split_before_lower_case_or_inside_tokens(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Gen. Alvarez met Sen. Park and Rep. Lowe.", "Gen. Alvarez met Sen. Park and Rep. Lowe.")]
    [InlineData("Mr. and Mrs. Tan met Dr. Osei and Prof. Haas.", "Mr. and Mrs. Tan met Dr. Osei and Prof. Haas.")]
    [InlineData("Lt. Col. Marsh and Sgt. Diaz were named.", "Lt. Col. Marsh and Sgt. Diaz were named.")]
    [InlineData("Gov. Reyes of Ariz. spoke at 9 a.m. Tuesday.", "Gov. Reyes of Ariz. spoke at 9 a.m. Tuesday.")]
    [InlineData("Acme Inc. Chief Executive Ann Lee resigned.", "Acme Inc. Chief Executive Ann Lee resigned.")]
    [InlineData("Sales fell, e.g. Furniture and toys.", "Sales fell, e.g. Furniture and toys.")]
    [InlineData("The vote is on Jan. 5. The count is later.", "The vote is on Jan. 5. | The count is later.")]
    [InlineData("Filed on Sept. 11 and Oct. 2 in Boston, Mass.", "Filed on Sept. 11 and Oct. 2 in Boston, Mass.")]
    [InlineData("Smith vs. Jones went to trial.", "Smith vs. Jones went to trial.")]
    [InlineData("He lives at No. 10 Downing Street.", "He lives at No. 10 Downing Street.")]
    [InlineData("She met Martin Luther King Jr. Day organisers.", "She met Martin Luther King Jr. Day organisers.")]
    [InlineData("The U.N. Security Council met. It adjourned.", "The U.N. Security Council met. | It adjourned.")]
    public void Abbreviations_do_not_end_sentences(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("The sanctions were imposed by the U.S. The move angered Beijing.", "The sanctions were imposed by the U.S. | The move angered Beijing.")]
    [InlineData("He moved to the U.K. But he never settled.", "He moved to the U.K. | But he never settled.")]
    [InlineData("The cable went to the U.S. Officials declined to comment.", "The cable went to the U.S. | Officials declined to comment.")]
    [InlineData("He enlisted in the U.S. Army in 2001.", "He enlisted in the U.S. Army in 2001.")]
    [InlineData("She briefed the U.S. Senate committee.", "She briefed the U.S. Senate committee.")]
    [InlineData("It was shared with U.S. President Ames.", "It was shared with U.S. President Ames.")]
    [InlineData("The firm is based in the U.S. “We are not worried,” it said.", "The firm is based in the U.S. | “We are not worried,” it said.")]
    [InlineData("The talks were in Washington, D.C. He flew home.", "The talks were in Washington, D.C. | He flew home.")]
    [InlineData("Assets moved to the U.S. in 2019.", "Assets moved to the U.S. in 2019.")]
    [InlineData("The meeting ended at 5 p.m. Officials left.", "The meeting ended at 5 p.m. | Officials left.")]
    [InlineData("They sold pens, paper, etc. Nobody complained.", "They sold pens, paper, etc. | Nobody complained.")]
    [InlineData("The parts came from Widget Co. In May the supplier changed.", "The parts came from Widget Co. | In May the supplier changed.")]
    [InlineData("The order went to the U.S. Mr. Hale objected.", "The order went to the U.S. | Mr. Hale objected.")]
    [InlineData("It was known in the U.S.” Then it spread.", "It was known in the U.S.” | Then it spread.")]
    [InlineData("Was it the U.S.? Nobody said.", "Was it the U.S.? | Nobody said.")]
    public void Sentence_final_abbreviations_use_the_next_word(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("John F. Kennedy was president.", "John F. Kennedy was president.")]
    [InlineData("J.K. Rowling and J. R. R. Tolkien wrote books.", "J.K. Rowling and J. R. R. Tolkien wrote books.")]
    [InlineData("The author E. B. White wrote it.", "The author E. B. White wrote it.")]
    [InlineData("Agent John P. Moss and Ana V. Ruiz testified.", "Agent John P. Moss and Ana V. Ruiz testified.")]
    [InlineData("See p. 12 and Fig. 3 in the annex.", "See p. 12 and Fig. 3 in the annex.")]
    [InlineData("The activist took the name Malcolm X. He spoke often.", "The activist took the name Malcolm X. | He spoke often.")]
    [InlineData("He earned a Ph.D. The thesis was on cables.", "He earned a Ph.D. | The thesis was on cables.")]
    public void Initials_stay_inside_names(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("“It was wrong,” Ames said. He left.", "“It was wrong,” Ames said. | He left.")]
    [InlineData("“Never.” He left.", "“Never.” | He left.")]
    [InlineData("\"Never.\" He left.", "\"Never.\" | He left.")]
    [InlineData("‘Never.’ He left.", "‘Never.’ | He left.")]
    [InlineData("She asked, “Who leaked it?” Then she hung up.", "She asked, “Who leaked it?” | Then she hung up.")]
    [InlineData("He shouted “Stop!” and ran.", "He shouted “Stop!” and ran.")]
    [InlineData("“Is it true?” she asked.", "“Is it true?” she asked.")]
    [InlineData("“Where is the file?” Ortiz asked. Nobody answered.", "“Where is the file?” Ortiz asked. | Nobody answered.")]
    [InlineData("“Why now?” He asked again.", "“Why now?” He asked again.")]
    [InlineData("“Run!” Sgt. Diaz shouted.", "“Run!” Sgt. Diaz shouted.")]
    [InlineData("“Was it you?” Officials said it was not.", "“Was it you?” | Officials said it was not.")]
    [InlineData("(The memo was dated May 2.) It was unsigned.", "(The memo was dated May 2.) | It was unsigned.")]
    [InlineData("It was unsigned. (The memo was dated May 2.)", "It was unsigned. | (The memo was dated May 2.)")]
    [InlineData("He called it “nonsense.” The aide agreed.", "He called it “nonsense.” | The aide agreed.")]
    public void Closing_quotes_and_brackets_stay_with_their_sentence(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("We waited... Nothing happened.", "We waited... | Nothing happened.")]
    [InlineData("We waited… Nothing happened.", "We waited… | Nothing happened.")]
    [InlineData("It was, well... complicated.", "It was, well... complicated.")]
    [InlineData("“I thought … never mind,” he said.", "“I thought … never mind,” he said.")]
    [InlineData("It went on. . . The end came.", "It went on. . . | The end came.")]
    public void Ellipses_end_sentences_only_before_a_capital(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Details at https://example.org/a.b. Then more.", "Details at https://example.org/a.b. | Then more.")]
    [InlineData("Mail tips@example.com. We reply.", "Mail tips@example.com. | We reply.")]
    [InlineData("It ran on example.com. It closed.", "It ran on example.com. | It closed.")]
    [InlineData("The budget was $3.5 billion. It grew.", "The budget was $3.5 billion. | It grew.")]
    [InlineData("Growth hit 2.5%. Then it slowed.", "Growth hit 2.5%. | Then it slowed.")]
    public void Urls_emails_and_numbers_are_not_split(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Fact]
    public void Line_breaks_and_blank_lines_always_end_sentences()
    {
        const string text = "Leaked Memo Shakes Ministry\n\nThe memo was dated in March\nand nobody signed it.\r\n\r\n- first point\n- second point\n";

        Assert.Equal(
            ["Leaked Memo Shakes Ministry", "The memo was dated in March", "and nobody signed it.", "- first point", "- second point"],
            SentenceSplitter.Split(text).Select(s => s.Text));
    }

    [Fact]
    public void Paragraph_index_counts_blocks_between_blank_lines()
    {
        const string text = "Heading\n\nFirst paragraph. Two sentences.\n\nSecond paragraph\nwith a break.";
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal([0, 1, 1, 2, 2], sentences.Select(s => s.Paragraph));
        Assert.Equal([0, 1, 2, 3, 4], sentences.Select(s => s.Index));
    }

    [Theory]
    [InlineData("Top U.S. Officials Deny Leaking Classified Briefing")]
    [InlineData("Why the U.S. Embassy Memo Matters")]
    public void Headlines_are_one_sentence(string text) => Assert.Equal(text, Split(text));

    [Theory]
    [InlineData("1. The first finding\n2. The second finding", "1. The first finding | 2. The second finding")]
    [InlineData("a. Scope of the review", "a. Scope of the review")]
    [InlineData("IV. The Findings", "IV. The Findings")]
    [InlineData("A. The Background", "A. The Background")]
    [InlineData("In 2019. The year began.", "In 2019. | The year began.")]
    public void List_markers_do_not_make_sentences(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Fact]
    public void Sentences_are_trimmed_by_offsets_not_by_editing_the_text()
    {
        const string text = "  \u00A0 First one.   Second one.\t \n\n   Third one.  ";
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(["First one.", "Second one.", "Third one."], sentences.Select(s => s.Text));
        Assert.All(sentences, s => Assert.Equal(s.Text, text[s.Start..s.End]));
        Assert.Equal(text.IndexOf('F', StringComparison.Ordinal), sentences[0].Start);
        Assert.Equal(text.LastIndexOf('.') + 1, sentences[^1].End);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\n \t")]
    public void Blank_text_has_no_sentences(string text) => Assert.Empty(SentenceSplitter.Split(text));

    [Fact]
    public void Quotation_spanning_sentences_is_reported_on_each_of_them()
    {
        const string text = "“I never mentioned it. Never,” he said. Then he left.";
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(["“I never mentioned it.", "Never,” he said.", "Then he left."], sentences.Select(s => s.Text));
        Assert.True(sentences[0].InQuotation);
        Assert.True(sentences[1].InQuotation);
        Assert.False(sentences[2].InQuotation);
        Assert.Equal("I never mentioned it. Never,", sentences[0].Quotation?.Text);
        Assert.Same(sentences[0].Quotation, sentences[1].Quotation);
        Assert.Null(sentences[2].Quotation);
    }

    [Fact]
    public void Quotation_opening_mid_sentence_is_reported_but_the_sentence_does_not_start_inside_it()
    {
        const string text = "The envoy said: “We were not told. Nobody was.” The talks resumed.";
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(3, sentences.Count);
        Assert.False(sentences[0].InQuotation);
        Assert.Equal("We were not told. Nobody was.", sentences[0].Quotation?.Text);
        Assert.True(sentences[1].InQuotation);
        Assert.Same(sentences[0].Quotation, sentences[1].Quotation);
        Assert.Null(sentences[2].Quotation);
    }

    [Fact]
    public void Quotation_wholly_inside_a_sentence_is_not_its_enclosing_quotation()
    {
        var sentence = Assert.Single(SentenceSplitter.Split("He called the report “fake” and “late” on Monday."));

        Assert.False(sentence.InQuotation);
        Assert.Null(sentence.Quotation);
    }

    [Fact]
    public void Quotation_continued_over_paragraphs_covers_every_sentence_in_it()
    {
        const string text = "“The first part of the statement. It goes on.\n\n“The second part ends here,” the minister said.\n\nReporters left.";
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(4, sentences.Count);
        Assert.All(sentences.Take(3), s => Assert.True(s.InQuotation));
        Assert.All(sentences.Take(3), s => Assert.Same(sentences[0].Quotation, s.Quotation));
        Assert.False(sentences[3].InQuotation);
        Assert.Equal(2, sentences[0].Quotation!.Segments.Count);
    }

    [Fact]
    public void Unclosed_quotation_stops_at_a_paragraph_that_does_not_reopen_it()
    {
        const string text = "The note read: “Do not share this. Ever.\n\nThe aide shared it anyway.";
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(3, sentences.Count);
        Assert.False(sentences[0].InQuotation);
        Assert.NotNull(sentences[0].Quotation);
        Assert.False(sentences[0].Quotation!.IsClosed);
        Assert.True(sentences[1].InQuotation);
        Assert.False(sentences[2].InQuotation);
        Assert.Null(sentences[2].Quotation);
    }

    [Theory]
    [InlineData("U.S.")]
    [InlineData("U.K.")]
    [InlineData("U.N.")]
    [InlineData("E.U.")]
    [InlineData("Gen.")]
    [InlineData("Sen.")]
    [InlineData("Rep.")]
    [InlineData("Gov.")]
    [InlineData("Lt.")]
    [InlineData("Col.")]
    [InlineData("Sgt.")]
    [InlineData("Mr.")]
    [InlineData("Mrs.")]
    [InlineData("Ms.")]
    [InlineData("Dr.")]
    [InlineData("Prof.")]
    [InlineData("St.")]
    [InlineData("Jr.")]
    [InlineData("Sr.")]
    [InlineData("Inc.")]
    [InlineData("Ltd.")]
    [InlineData("Corp.")]
    [InlineData("Co.")]
    [InlineData("vs.")]
    [InlineData("etc.")]
    [InlineData("e.g.")]
    [InlineData("i.e.")]
    [InlineData("a.m.")]
    [InlineData("p.m.")]
    [InlineData("Jan.")]
    [InlineData("Feb.")]
    [InlineData("Aug.")]
    [InlineData("Sept.")]
    [InlineData("Oct.")]
    [InlineData("Nov.")]
    [InlineData("Dec.")]
    [InlineData("Ariz.")]
    [InlineData("Calif.")]
    [InlineData("Mass.")]
    public void Common_abbreviations_are_single_tokens_and_keep_the_sentence_whole(string abbreviation)
    {
        var text = $"The clerk named {abbreviation} twice in the 4 statements on file.";

        Assert.Equal(text, Assert.Single(SentenceSplitter.Split(text)).Text);
        Assert.Contains(Tokenizer.Tokenize(text), t => t.Text == abbreviation && t.Kind == TokenKind.Abbreviation);
    }

    [Fact]
    public void No_is_an_abbreviation_only_before_a_number()
    {
        Assert.Equal("He lives at No. 10 now.", Split("He lives at No. 10 now."));
        Assert.Equal("She said No. | Then she left.", Split("She said No. Then she left."));
    }
}
