using System.Text.RegularExpressions;

namespace NewsLeakExtractor.Text;

/// <summary>
/// Rule-based English tokenizer for news text. Every non-space character of the range ends up in exactly one
/// token, and tokens index the original string, so sentence and evidence spans can be built from them.
/// </summary>
/// <remarks>
/// Choices worth knowing:
/// <list type="bullet">
/// <item>Possessives stay inside the word ("Israel’s", "officials’"): downstream matching strips them when it
/// needs the bare name (<see cref="PossessiveStem"/>), and keeping them avoids guessing whether a lone ’ is an
/// apostrophe or a closing quote. A trailing ’ after an "s" counts as possessive unless a single quotation opened
/// earlier on the same line is still open and nothing suggests otherwise (a lower-case word after it and another
/// closing mark later on the line).</item>
/// <item>A period joins the word before it only for listed abbreviations (<c>lexicons/abbreviations.txt</c>),
/// single capital initials ("J.") and letter-period chains ("U.S.", "J.K.", "Ph.D."); so "U.S." at the end of a
/// sentence is one <see cref="TokenKind.Abbreviation"/> token and the sentence splitter decides whether its period
/// also ends the sentence.</item>
/// <item>Numbers keep their separators ("1,200" only with groups of three digits, "3.5", "10:30", "9/11"), a
/// leading currency sign or sign, a trailing % and letter suffixes ("1990s", "5th", "3bn"); "20-year-old" is a
/// <see cref="TokenKind.Word"/>.</item>
/// <item>Runs of two or more periods are one ellipsis token, like "…"; runs of hyphens ("--") are one dash.</item>
/// <item>URLs and e-mail addresses are single tokens, without the punctuation that closes the sentence after them.</item>
/// </list>
/// </remarks>
public static partial class Tokenizer
{
    /// <summary>Tokenizes <c>text[start..end]</c> (end -1 means the end of the text); offsets are into <paramref name="text"/>.</summary>
    public static IReadOnlyList<Token> Tokenize(string text, int start = 0, int end = -1)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (end < 0)
        {
            end = text.Length;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);

        var raw = new List<RawToken>(Math.Max(4, (end - start) / 6));
        Scan(text, start, end, raw);
        var tokens = new Token[raw.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            var (from, to, kind) = raw[i];
            tokens[i] = new Token(from, to, text.Substring(from, to - from), kind);
        }

        return tokens;
    }

    /// <summary>Appends the tokens of <c>text[start..end]</c> to <paramref name="into"/> without materialising their strings.</summary>
    internal static void Scan(string text, int start, int end, List<RawToken> into) => new Scanner(text, start, end, into).Run();

    /// <summary>The token without a possessive ending ("Israel’s" → "Israel", "officials’" → "officials").</summary>
    public static TextSpan PossessiveStem(Token token)
    {
        var text = token.Text;
        if (text.Length > 2 && (text[^1] is 's' or 'S') && TextChars.IsApostrophe(text[^2]))
        {
            return new TextSpan(token.Start, token.End - 2);
        }

        if (text.Length > 2 && TextChars.IsApostrophe(text[^1]) && (text[^2] is 's' or 'S'))
        {
            return new TextSpan(token.Start, token.End - 1);
        }

        return token.Span;
    }

    // Bare domains are recognised only with a lower-case top-level domain from this list, so "U.S." or "e.g." never match;
    // domains that are also English words (it, in, me, no, be) are left out so a missing space ("end.it") stays words.
    [GeneratedRegex(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:com|org|net|gov|edu|mil|int|info|io|co|uk|us|eu|de|fr|ca|au|ru|cn|jp|news|ly|tv|ch|nl|se|ie|nz|il|ua|es|gl)(?![A-Za-z0-9-])(?:[/?#:]\S*)?", RegexOptions.CultureInvariant)]
    private static partial Regex BareDomain();

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    private sealed class Scanner(string text, int start, int end, List<RawToken> tokens)
    {
        private int _specialStart = -1;
        private int _specialEnd = -1;
        private TokenKind _specialKind;

        // A single quotation opened on this line and not yet closed: a trailing ’ after "s" then closes it rather
        // than marking a plural possessive.
        private bool _singleQuoteOpen;

        public void Run()
        {
            var i = start;
            var atChunkStart = true;
            while (i < end)
            {
                var c = text[i];
                if (TextChars.IsSpace(c))
                {
                    if (TextChars.IsLineBreak(c))
                    {
                        _singleQuoteOpen = false;
                    }

                    atChunkStart = true;
                    i++;
                    continue;
                }

                if (atChunkStart)
                {
                    FindSpecial(i);
                    atChunkStart = false;
                }

                if (i == _specialStart)
                {
                    Emit(i, _specialEnd, _specialKind);
                    i = _specialEnd;
                    _specialStart = -1;
                    continue;
                }

                var limit = _specialStart > i ? _specialStart : end;
                var next = ScanToken(i, limit);
                i = next > i ? next : i + 1;
            }
        }

        private void Emit(int from, int to, TokenKind kind) => tokens.Add(new RawToken(from, to, kind));

        /// <summary>Looks for a URL or e-mail address in the whitespace-delimited chunk starting at <paramref name="from"/>.</summary>
        private void FindSpecial(int from)
        {
            _specialStart = -1;
            var chunkEnd = from;
            var promising = false;
            while (chunkEnd < end && !TextChars.IsSpace(text[chunkEnd]))
            {
                var ch = text[chunkEnd];
                // Cheap test first: most chunks are plain words and never reach the regexes.
                if (ch is '@' or '/' || (ch == '.' && chunkEnd + 1 < end && char.IsAsciiLetterLower(text[chunkEnd + 1])))
                {
                    promising = true;
                }

                chunkEnd++;
            }

            if (!promising)
            {
                return;
            }

            var p = from;
            while (p < chunkEnd && (TextChars.IsOpeningQuote(text[p]) || TextChars.IsOpeningBracket(text[p]) || text[p] == '<'))
            {
                p++;
            }

            if (p >= chunkEnd)
            {
                return;
            }

            var chunk = text.AsSpan(p, chunkEnd - p);
            if (chunk.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || chunk.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || chunk.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
                || chunk.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                SetSpecial(p, TrimUrlEnd(p, chunkEnd), TokenKind.Url);
                return;
            }

            if (chunk.Contains('@'))
            {
                var email = EmailAddress().Match(text, p, chunkEnd - p);
                if (email.Success)
                {
                    SetSpecial(p, p + email.Length, TokenKind.Email);
                }

                return;
            }

            var domain = BareDomain().Match(text, p, chunkEnd - p);
            if (domain.Success)
            {
                SetSpecial(p, TrimUrlEnd(p, p + domain.Length), TokenKind.Url);
            }
        }

        private void SetSpecial(int from, int to, TokenKind kind)
        {
            if (to > from)
            {
                _specialStart = from;
                _specialEnd = to;
                _specialKind = kind;
            }
        }

        /// <summary>Drops sentence punctuation after a URL, keeping a closing bracket the URL itself opened (wiki links).</summary>
        private int TrimUrlEnd(int from, int to)
        {
            while (to > from)
            {
                var last = text[to - 1];
                if (last is ')' or ']')
                {
                    var open = last == ')' ? '(' : '[';
                    var url = text.AsSpan(from, to - from);
                    if (url.Count(open) >= url.Count(last))
                    {
                        break;
                    }
                }
                else if (!(last is '.' or ',' or ';' or ':' or '!' or '?' or '>' or '}' || TextChars.IsQuoteMark(last)))
                {
                    break;
                }

                to--;
            }

            return to;
        }

        private int ScanToken(int i, int limit)
        {
            var c = text[i];
            if (TextChars.WordCharWidth(text, i, limit) > 0)
            {
                return char.IsDigit(c) ? ScanWord(i, i, limit, numeric: true) : ScanLetterWord(i, limit);
            }

            if (TextChars.IsCurrency(c) && TextChars.IsDigitAt(text, i + 1, limit))
            {
                return ScanWord(i, i + 1, limit, numeric: true);
            }

            if (c is '-' or '\u2212' or '+' && TextChars.IsDigitAt(text, i + 1, limit) && (i == start || TextChars.IsSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '/'))
            {
                return ScanWord(i, i + 1, limit, numeric: true);
            }

            if (c == '.')
            {
                if (TextChars.IsDigitAt(text, i + 1, limit) && (i == start || TextChars.IsSpace(text[i - 1])))
                {
                    return ScanWord(i, i + 1, limit, numeric: true);
                }

                return EmitRun(i, limit, '.');
            }

            if (c == '-')
            {
                return EmitRun(i, limit, '-');
            }

            if (TextChars.IsQuoteMark(c))
            {
                return ScanQuote(i, limit);
            }

            if (c is '@' or '#' && TextChars.IsWordCharAt(text, i + 1, limit) && (i == start || !TextChars.IsWordCharAt(text, i - 1, limit)))
            {
                // Handles and hashtags read as one word.
                var j = i + 1;
                while (j < limit && (TextChars.IsWordCharAt(text, j, limit) || text[j] == '_'))
                {
                    j += Math.Max(1, TextChars.WordCharWidth(text, j, limit));
                }

                Emit(i, j, TokenKind.Word);
                return j;
            }

            return ScanOther(i, limit);
        }

        private int EmitRun(int i, int limit, char repeated)
        {
            var j = i + 1;
            while (j < limit && text[j] == repeated)
            {
                j++;
            }

            Emit(i, j, TokenKind.Punctuation);
            return j;
        }

        private int ScanQuote(int i, int limit)
        {
            var c = text[i];
            // Decade and year elisions ("’90s", "'08") are words, not quotes.
            if (TextChars.IsApostrophe(c) && TextChars.IsDigitAt(text, i + 1, limit) && TextChars.IsDigitAt(text, i + 2, limit)
                && !TextChars.IsDigitAt(text, i + 3, limit) && (i == start || !TextChars.IsWordCharAt(text, i - 1, limit)))
            {
                return ScanWord(i, i + 1, limit, numeric: true);
            }

            var before = i > start ? text[i - 1] : ' ';
            var after = i + 1 < limit ? text[i + 1] : ' ';
            if (c is '\u2018' or '\u201B' || (c == '\'' && !char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after)))
            {
                _singleQuoteOpen = true;
            }
            else if (c is '\u2019' or '\'' && !TextChars.IsSpace(before) && !char.IsLetterOrDigit(after))
            {
                _singleQuoteOpen = false;
            }

            Emit(i, i + 1, TokenKind.Quote);
            return i + 1;
        }

        private int ScanOther(int i, int limit)
        {
            var c = text[i];
            var j = i + 1;
            if (char.IsHighSurrogate(c) && j < limit && char.IsLowSurrogate(text[j]))
            {
                j++;
            }

            var kind = j - i == 1 && char.IsPunctuation(c) && !TextChars.IsCurrency(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            if (kind == TokenKind.Symbol)
            {
                // Emoji come with variation selectors, skin tones and zero-width joiners; keep the cluster together.
                while (j < limit)
                {
                    if (TextChars.IsMark(text[j]) || (text[j] == '\u200D' && j + 1 < limit))
                    {
                        j++;
                    }
                    else if (j > i && text[j - 1] == '\u200D' && char.IsHighSurrogate(text[j]) && j + 1 < limit && char.IsLowSurrogate(text[j + 1]))
                    {
                        j += 2;
                    }
                    else if (char.IsHighSurrogate(text[j]) && j + 1 < limit && text[j + 1] is >= '\uDFFB' and <= '\uDFFF' && text[j] == '\uD83C')
                    {
                        j += 2; // skin-tone modifier
                    }
                    else
                    {
                        break;
                    }
                }
            }

            Emit(i, j, kind);
            return j;
        }

        /// <summary>A token starting with a letter: a letter-period chain ("U.S.") or an ordinary word.</summary>
        private int ScanLetterWord(int i, int limit)
        {
            var dotted = MatchDottedAbbreviation(i, limit);
            if (dotted > i)
            {
                // "U.S.-led", "U.S.’s": the abbreviation is only part of a longer word.
                if (dotted < limit && ((TextChars.IsHyphen(text[dotted]) && TextChars.IsWordCharAt(text, dotted + 1, limit))
                    || (TextChars.IsApostrophe(text[dotted]) && TextChars.IsLetterAt(text, dotted + 1, limit))))
                {
                    return ScanWord(i, dotted, limit, numeric: false);
                }

                Emit(i, dotted, TokenKind.Abbreviation);
                return dotted;
            }

            return ScanWord(i, i, limit, numeric: false);
        }

        /// <summary>
        /// End of a chain of one- or two-letter segments each followed by a period, at least two of them
        /// ("U.S.", "e.g.", "Ph.D.", "J.R.R."), or -1. Longer segments are words with a missing space ("end.The").
        /// </summary>
        private int MatchDottedAbbreviation(int i, int limit)
        {
            var j = i;
            var segments = 0;
            while (true)
            {
                var letters = 0;
                while (j + letters < limit && char.IsLetter(text[j + letters]))
                {
                    letters++;
                }

                if (letters is < 1 or > 2 || j + letters >= limit || text[j + letters] != '.')
                {
                    break;
                }

                segments++;
                j += letters + 1;
            }

            return segments >= 2 && !TextChars.IsWordCharAt(text, j, limit) ? j : -1;
        }

        /// <summary>Scans letters, digits and the joiners allowed between them, from <paramref name="from"/> (after any sign).</summary>
        private int ScanWord(int tokenStart, int from, int limit, bool numeric)
        {
            var j = from;
            var joinedLetters = false; // a hyphen followed by a letter makes a numeric start a word ("20-year-old")
            var pureLetters = !numeric;
            while (j < limit)
            {
                var width = TextChars.WordCharWidth(text, j, limit);
                if (width > 0)
                {
                    if (pureLetters && char.IsDigit(text, j))
                    {
                        pureLetters = false;
                    }

                    j += width;
                    continue;
                }

                var ch = text[j];
                var prev = j > from ? text[j - 1] : '\0';
                if (TextChars.IsApostrophe(ch) && TextChars.IsLetterAt(text, j + 1, limit) && j > tokenStart)
                {
                    pureLetters = false;
                    j++;
                    continue;
                }

                if ((TextChars.IsHyphen(ch) || ch is '\u00AD' or '\u200C' or '\u200D') && TextChars.IsWordCharAt(text, j + 1, limit) && j > tokenStart)
                {
                    joinedLetters |= TextChars.IsLetterAt(text, j + 1, limit);
                    pureLetters = false;
                    j++;
                    continue;
                }

                if (char.IsDigit(prev) && TextChars.IsDigitAt(text, j + 1, limit))
                {
                    if (ch == '.' || ((ch is ':' or '/') && numeric) || (ch == ',' && numeric && IsThousandsGroup(j + 1, limit)))
                    {
                        j++;
                        continue;
                    }
                }

                if (ch == '&' && char.IsUpper(prev) && j + 1 < limit && char.IsUpper(text[j + 1]))
                {
                    pureLetters = false;
                    j++;
                    continue;
                }

                if (ch is '%' or '\u2030' && char.IsDigit(prev))
                {
                    j++;
                }

                break;
            }

            if (j < limit && j > from && TextChars.IsApostrophe(text[j]) && text[j - 1] is 's' or 'S'
                && !TextChars.IsWordCharAt(text, j + 1, limit) && (!_singleQuoteOpen || TextChars.IsPluralPossessiveInQuote(text, j, end)))
            {
                j++; // plural possessive: "officials’ statements"
            }
            else if (j < limit && text[j] == '.' && pureLetters && j > tokenStart && IsAbbreviation(tokenStart, j, limit))
            {
                Emit(tokenStart, j + 1, TokenKind.Abbreviation);
                return j + 1;
            }

            Emit(tokenStart, j, numeric && !joinedLetters ? TokenKind.Number : TokenKind.Word);
            return j;
        }

        /// <summary>"1,200" and "250,000" but not "2019,2020": a comma joins digits only before a group of exactly three.</summary>
        private bool IsThousandsGroup(int from, int limit) =>
            TextChars.IsDigitAt(text, from, limit) && TextChars.IsDigitAt(text, from + 1, limit) && TextChars.IsDigitAt(text, from + 2, limit)
            && !TextChars.IsDigitAt(text, from + 3, limit);

        /// <summary>Whether the period at <paramref name="period"/> belongs to the letters before it.</summary>
        private bool IsAbbreviation(int wordStart, int period, int limit)
        {
            var candidate = text.AsSpan(wordStart, period + 1 - wordStart);
            var kind = Abbreviations.Find(candidate);
            if (kind == AbbreviationKind.Number)
            {
                var k = period + 1;
                while (k < limit && TextChars.IsSpace(text[k]) && !TextChars.IsLineBreak(text[k]))
                {
                    k++;
                }

                if (TextChars.IsDigitAt(text, k, limit))
                {
                    return true;
                }
            }
            else if (kind is not null)
            {
                return true;
            }

            // A lone capital is an initial ("John F. Kennedy"); the splitter decides if it also ends a sentence.
            return period - wordStart == 1 && char.IsUpper(text[wordStart]);
        }
    }
}
