using NewsLeakExtractor.Text;
using Xunit;

namespace NewsLeakExtractor.Tests.Text;

public sealed class TokenizerTests
{
    private static string Tokens(string text) => string.Join(" | ", Tokenizer.Tokenize(text).Select(t => t.Text));

    private static Token Single(string text, string tokenText) => Tokenizer.Tokenize(text).Single(t => t.Text == tokenText);

    [Theory]
    [InlineData("The aide's memo", "The | aide's | memo")]
    [InlineData("Norway’s envoy", "Norway’s | envoy")]
    [InlineData("They don't know and won’t say.", "They | don't | know | and | won’t | say | .")]
    [InlineData("O’Malley and D'Souza", "O’Malley | and | D'Souza")]
    [InlineData("a counter-intelligence probe", "a | counter-intelligence | probe")]
    [InlineData("a 32-year-old analyst", "a | 32-year-old | analyst")]
    [InlineData("the F-35 and COVID-19 files", "the | F-35 | and | COVID-19 | files")]
    [InlineData("the ministers’ letters", "the | ministers’ | letters")]
    [InlineData("the ministers' letters", "the | ministers' | letters")]
    [InlineData("AT&T and S&P", "AT&T | and | S&P")]
    public void Words_keep_internal_apostrophes_and_hyphens(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("It cost $250,000 in 2019.", "It | cost | $250,000 | in | 2019 | .")]
    [InlineData("Turnout rose 3.5 points to 61.2%.", "Turnout | rose | 3.5 | points | to | 61.2% | .")]
    [InlineData("About 1,200 pages", "About | 1,200 | pages")]
    [InlineData("in 2019,2020 and 2021", "in | 2019 | , | 2020 | and | 2021")]
    [InlineData("at 10:30 on 9/11", "at | 10:30 | on | 9/11")]
    [InlineData("a £3bn deal in the 1990s", "a | £3bn | deal | in | the | 1990s")]
    [InlineData("fell to -2.5 degrees", "fell | to | -2.5 | degrees")]
    [InlineData("back in the ’90s", "back | in | the | ’90s")]
    [InlineData("won 3-1 away", "won | 3-1 | away")]
    public void Numbers_keep_their_separators(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("$250,000", TokenKind.Number)]
    [InlineData("3.5", TokenKind.Number)]
    [InlineData("45%", TokenKind.Number)]
    [InlineData("1990s", TokenKind.Number)]
    [InlineData("20-year-old", TokenKind.Word)]
    [InlineData("U.S.", TokenKind.Abbreviation)]
    [InlineData("U.S.-led", TokenKind.Word)]
    [InlineData("Gen.", TokenKind.Abbreviation)]
    [InlineData("“", TokenKind.Quote)]
    [InlineData("—", TokenKind.Punctuation)]
    [InlineData("…", TokenKind.Punctuation)]
    [InlineData("+", TokenKind.Symbol)]
    public void Kinds_follow_the_token_shape(string text, TokenKind expected) =>
        Assert.Equal(expected, Assert.Single(Tokenizer.Tokenize(text)).Kind);

    [Theory]
    [InlineData("the U.S. and the U.K.", "the | U.S. | and | the | U.K.")]
    [InlineData("Gen. Lee met Sen. Ortiz", "Gen. | Lee | met | Sen. | Ortiz")]
    [InlineData("John F. Kennedy", "John | F. | Kennedy")]
    [InlineData("J.K. Rowling", "J.K. | Rowling")]
    [InlineData("e.g. this, i.e. that", "e.g. | this | , | i.e. | that")]
    [InlineData("at 4 p.m. sharp", "at | 4 | p.m. | sharp")]
    [InlineData("Acme Inc. and Widget Corp.", "Acme | Inc. | and | Widget | Corp.")]
    [InlineData("a Ph.D. student", "a | Ph.D. | student")]
    [InlineData("the F.B.I.’s files", "the | F.B.I.’s | files")]
    [InlineData("a U.S.-backed plan", "a | U.S.-backed | plan")]
    [InlineData("in Phoenix, Ariz., last week", "in | Phoenix | , | Ariz. | , | last | week")]
    public void Abbreviations_keep_their_periods(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("He lives at No. 10 now.", "He | lives | at | No. | 10 | now | .")]
    [InlineData("He said No. Then he left.", "He | said | No | . | Then | he | left | .")]
    [InlineData("It was a mass. Then", "It | was | a | mass | . | Then")]
    [InlineData("They went to Mass. Then", "They | went | to | Mass. | Then")]
    [InlineData("apples, pears etc. and more", "apples | , | pears | etc. | and | more")]
    public void Periods_join_words_only_where_the_lexicon_says_so(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("“Stop,” she said.", "“ | Stop | , | ” | she | said | .")]
    [InlineData("He said \"no\" twice.", "He | said | \" | no | \" | twice | .")]
    [InlineData("the ‘secret’ file", "the | ‘ | secret | ’ | file")]
    [InlineData("the ‘officials’ memo", "the | ‘ | officials | ’ | memo")]
    [InlineData("‘The officials’ view is clear.’", "‘ | The | officials’ | view | is | clear | . | ’")]
    [InlineData("Wait... what? Really?!", "Wait | ... | what | ? | Really | ? | !")]
    [InlineData("the leak—if it was one—mattered", "the | leak | — | if | it | was | one | — | mattered")]
    [InlineData("(see [1]) and -- later", "( | see | [ | 1 | ] | ) | and | -- | later")]
    public void Punctuation_and_quotes_are_separate_tokens(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("Read https://example.org/a/b?c=1. Then stop.", "https://example.org/a/b?c=1", TokenKind.Url)]
    [InlineData("(see www.example.com/page)", "www.example.com/page", TokenKind.Url)]
    [InlineData("See en.example.org/wiki/Leak_(disambiguation).", "en.example.org/wiki/Leak_(disambiguation)", TokenKind.Url)]
    [InlineData("Write to tips@example.co.uk, anytime.", "tips@example.co.uk", TokenKind.Email)]
    [InlineData("posted on example.com.", "example.com", TokenKind.Url)]
    [InlineData("“https://example.net”", "https://example.net", TokenKind.Url)]
    public void Urls_and_emails_are_single_tokens(string text, string expected, TokenKind kind) =>
        Assert.Equal(kind, Single(text, expected).Kind);

    [Fact]
    public void Missing_space_after_a_word_does_not_make_a_domain()
    {
        Assert.Equal("the | end | . | It | went", Tokens("the end.It went"));
        Assert.Equal("logged | . | in", Tokens("logged.in"));
    }

    [Fact]
    public void Handles_and_emoji_stay_whole()
    {
        Assert.Equal("ask | @press_office | now | 👍🏽", Tokens("ask @press_office now 👍🏽"));
        Assert.Equal("#leaks", Single("the #leaks tag", "#leaks").Text);
    }

    [Fact]
    public void Tokenizes_only_the_requested_range_with_offsets_into_the_whole_text()
    {
        const string text = "First part. Second part here.";
        var tokens = Tokenizer.Tokenize(text, 12, 23);

        Assert.Equal(["Second", "part"], tokens.Select(t => t.Text));
        Assert.Equal(12, tokens[0].Start);
        Assert.All(tokens, t => Assert.Equal(t.Text, text[t.Start..t.End]));
    }

    [Fact]
    public void Possessive_stem_drops_the_possessive_ending()
    {
        const string text = "Israel’s envoy and the ministers' aides and O’Brien";
        var stems = Tokenizer.Tokenize(text).Select(t => Tokenizer.PossessiveStem(t).Of(text)).ToList();

        Assert.Equal(["Israel", "envoy", "and", "the", "ministers", "aides", "and", "O’Brien"], stems);
    }

    [Fact]
    public void Unicode_letters_marks_and_surrogates_are_kept_together()
    {
        const string text = "Zoë Nguyễn met Ce\u0301line and 𝐁old";

        Assert.Equal("Zoë | Nguyễn | met | Ce\u0301line | and | 𝐁old", Tokens(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_and_blank_text_has_no_tokens(string text) => Assert.Empty(Tokenizer.Tokenize(text));

    [Fact]
    public void Bad_ranges_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokenizer.Tokenize("abc", 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokenizer.Tokenize("abc", 0, 4));
    }
}
