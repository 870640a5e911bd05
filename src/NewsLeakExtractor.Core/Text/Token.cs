namespace NewsLeakExtractor.Text;

/// <summary>What a token is, as far as shape alone can tell.</summary>
public enum TokenKind
{
    /// <summary>Letters and digits, with internal apostrophes and hyphens: "Israel’s", "don't", "counter-terrorism", "F-16", "U.S.-led".</summary>
    Word,

    /// <summary>Starts with a digit, currency sign or sign: "1,200", "3.5", "$250,000", "45%", "10:30", "9/11", "1990s", "-2.5".</summary>
    Number,

    /// <summary>A word that keeps its period(s): listed abbreviations ("Gen.", "etc.") and initials by shape ("J.", "U.S.", "Ph.D.").</summary>
    Abbreviation,

    /// <summary>Punctuation other than quote marks: . , ; : ! ? … ... — – - ( ) [ ] / and the like.</summary>
    Punctuation,

    /// <summary>A single quote mark of any style: “ ” ‘ ’ " ' « » „.</summary>
    Quote,

    /// <summary>Anything else: currency signs on their own, math signs, emoji, bullets.</summary>
    Symbol,

    /// <summary>A web address: with a scheme, starting "www.", or a bare domain with a common top-level domain ("example.com/page").</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,
}

/// <summary>
/// One token; <see cref="Start"/> and <see cref="End"/> are UTF-16 offsets into the tokenized string and
/// <see cref="Text"/> is exactly <c>text[Start..End]</c>.
/// </summary>
public sealed record Token(int Start, int End, string Text, TokenKind Kind)
{
    public int Length => End - Start;

    public TextSpan Span => new(Start, End);

    /// <summary>True for a token whose first character is an upper-case (or uncased) letter.</summary>
    public bool IsCapitalized => Text.Length > 0 && char.IsLetter(Text, 0) && !char.IsLower(Text, 0);
}

/// <summary>A token before its text is cut out: what the sentence splitter works on, to spare a string per token.</summary>
internal readonly record struct RawToken(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);

    public char First(string text) => text[Start];

    public char Last(string text) => text[End - 1];

    public bool IsCapitalizedIn(string text) => char.IsLetter(text, Start) && !char.IsLower(text, Start);
}
