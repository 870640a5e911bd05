using System.Globalization;

namespace NewsLeakExtractor.Text;

/// <summary>Character classes shared by the tokenizer, the sentence splitter and the quotation finder.</summary>
internal static class TextChars
{
    /// <summary>Characters that end a paragraph: articles put headings and list items on lines of their own.</summary>
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\v' or '\f';

    /// <summary>Separators between tokens; zero-width spaces and BOMs count because pages scatter them between words.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u2060' or '\uFEFF';

    /// <summary>Marks that join the pieces of a word ("don't", "Israel’s", "O’Brien").</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>Hyphens inside compounds ("counter-terrorism", "F-16"); dashes (– —) are punctuation, not hyphens.</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    public static bool IsOpeningDoubleQuote(char c) => c is '\u201C' or '\u201E' or '\u00AB' or '\u201F';

    public static bool IsClosingDoubleQuote(char c) => c is '\u201D' or '\u00BB';

    public static bool IsQuoteMark(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2018' or '\u2019' or '\u201A' or '\u201B'
        or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' or '`' or '\u2032' or '\u2033';

    /// <summary>Quote marks that can only close (straight quotes are decided by context).</summary>
    public static bool IsClosingQuote(char c) => c is '\u201D' or '\u2019' or '\u00BB' or '\u203A' or '"' or '\'';

    public static bool IsOpeningQuote(char c) => c is '\u201C' or '\u2018' or '\u201E' or '\u201A' or '\u201F' or '\u201B' or '\u00AB' or '\u2039' or '"' or '\'' or '`';

    public static bool IsClosingBracket(char c) => c is ')' or ']' or '}';

    public static bool IsOpeningBracket(char c) => c is '(' or '[' or '{';

    public static bool IsCurrency(char c) => c is '$' or '£' or '€' or '¥' or '₹' or '₽' or '₩' or '₪' or '¢';

    public static bool IsSentenceTerminator(char c) => c is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049';

    /// <summary>Combining marks belong to the letter before them (decomposed accents, variation selectors).</summary>
    public static bool IsMark(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Width in UTF-16 units of the letter, digit or mark at <paramref name="i"/>, or 0 when it is none (surrogate pairs count as one).</summary>
    public static int WordCharWidth(string text, int i, int end)
    {
        if (i >= end)
        {
            return 0;
        }

        var c = text[i];
        if (!char.IsSurrogate(c))
        {
            return char.IsLetterOrDigit(c) || IsMark(c) ? 1 : 0;
        }

        if (i + 1 < end && char.IsSurrogatePair(c, text[i + 1]))
        {
            var rune = new System.Text.Rune(c, text[i + 1]);
            return System.Text.Rune.IsLetterOrDigit(rune) || System.Text.Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark ? 2 : 0;
        }

        return 0;
    }

    public static bool IsLetterAt(string text, int i, int end) =>
        i < end && (char.IsSurrogate(text[i]) ? WordCharWidth(text, i, end) == 2 && char.IsLetter(text, i) : char.IsLetter(text[i]));

    public static bool IsDigitAt(string text, int i, int end) => i < end && char.IsDigit(text[i]);

    public static bool IsWordCharAt(string text, int i, int end) => WordCharWidth(text, i, end) > 0;

    /// <summary>
    /// Inside an open ‘single’ quotation, whether the ’ at <paramref name="k"/> is a plural possessive
    /// ("‘The officials’ view is clear.’"): it follows an "s", a lower-case word follows it, and another closing
    /// candidate comes later on the line.
    /// </summary>
    public static bool IsPluralPossessiveInQuote(string text, int k, int end)
    {
        if (k == 0 || text[k - 1] is not ('s' or 'S') || k + 2 >= end || text[k + 1] != ' ' || !char.IsLower(text[k + 2]))
        {
            return false;
        }

        for (var m = k + 2; m < end && !IsLineBreak(text[m]); m++)
        {
            if (text[m] is '\u2019' or '\'' && !IsSpace(text[m - 1]) && (m + 1 == end || !char.IsLetterOrDigit(text[m + 1])))
            {
                return true;
            }
        }

        return false;
    }
}
