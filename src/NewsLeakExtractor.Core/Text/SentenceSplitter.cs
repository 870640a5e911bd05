using System.Buffers;

namespace NewsLeakExtractor.Text;

/// <summary>
/// Rule-based English sentence splitter for news text, working on the tokens of <see cref="Tokenizer"/>.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="number">
/// <item>Every line break ends a sentence: cleaned articles put headings, captions and list items on lines of their
/// own, and those often lack final punctuation. Hard-wrapped plain text is therefore split at its wraps.</item>
/// <item>Otherwise a sentence ends after a terminator (. ! ? … or "...", possibly repeated) followed by any closing
/// quotes and brackets, then whitespace, then something that can open a sentence: a capitalised word (or a
/// camel-cased one such as "iPhone"), a number, an opening quote or an opening bracket. Closing marks stay in the
/// sentence they close ("...wrong,” Trump said." / "“Never.” He left."); no whitespace after the terminator means no
/// split ("3.5", "example.com", "end.The").</item>
/// <item>A period that belongs to an abbreviation (<c>lexicons/abbreviations.txt</c>) ends a sentence according to the
/// abbreviation's kind: never for titles and "e.g." ("Gen. Smith"), always before a capital for "etc.", and for
/// the ambiguous rest ("U.S.", "Inc.", "Jr.", "a.m.", "Calif.", initials "J.") only when the next word is a common
/// sentence opener from <c>lexicons/sentence-starters.txt</c> ("...the U.S. The move" splits, "the U.S. Army" does
/// not) or an opening quote. A number after an ambiguous abbreviation never starts a sentence ("Jan. 5"), nor does
/// another initial ("J. K. Rowling"). In title-case lines (headlines: "Top U.S. Officials Deny...") abbreviations
/// never end a sentence, since every word there is capitalised.</item>
/// <item>A closing quote or bracket right after the abbreviation ("...in the U.S.” He said") is read as the end of
/// the sentence, like an ordinary full stop.</item>
/// <item>A lone list marker ("1.", "a.", "IV.", "A.") at the start of a line does not make a sentence of its own.</item>
/// <item>After a quotation that ends in ? ! or … and is followed by up to four capitalised words or a pronoun and then
/// a speech verb ("“Where is it?” Trump asked."), the attribution stays with the quotation.</item>
/// </list>
/// Each sentence also carries its paragraph and quotation context (see <see cref="Sentence"/>).
/// </remarks>
public static class SentenceSplitter
{
    // Attribution verbs after a quotation; lower-case past and present forms as they follow the speaker's name.
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "asked", "asks", "added", "adds", "told", "tells", "wrote", "writes", "replied", "replies",
        "shouted", "shouts", "yelled", "tweeted", "posted", "explained", "insisted", "continued", "recalled",
        "noted", "declared", "demanded", "wondered", "exclaimed", "cried", "countered", "responded", "argued",
        "warned", "stated", "joked", "quipped", "pleaded", "whispered", "snapped", "sighed", "laughed",
    };

    private static readonly SearchValues<char> RomanDigits = SearchValues.Create("IVXLivxl");

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "He", "She", "They", "We", "I", "It", "You" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbLookup = SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounLookup = Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The sentences of <paramref name="text"/>, in order, indexed from 0.</summary>
    public static IReadOnlyList<Sentence> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<(int Start, int End, int Paragraph)>();
        var tokens = new List<RawToken>();
        var paragraph = -1;
        foreach (var line in TextLines.NonBlank(text))
        {
            if (line.BlankBefore || paragraph < 0)
            {
                paragraph++;
            }

            tokens.Clear();
            Tokenizer.Scan(text, line.Start, line.End, tokens);
            SplitLine(text, line, tokens, paragraph, pieces);
        }

        return WithQuotations(text, pieces, QuotationFinder.Find(text));
    }

    private static void SplitLine(string text, TextLine line, List<RawToken> tokens, int paragraph, List<(int, int, int)> pieces)
    {
        var n = tokens.Count;
        var first = 0;
        bool? titleCase = null;
        for (var k = 0; k < n; k++)
        {
            var token = tokens[k];
            var terminator = IsTerminator(text, token);
            if (!terminator && !(token.Kind == TokenKind.Abbreviation && token.Last(text) == '.'))
            {
                continue;
            }

            // The terminator run ("?!", "...") and the closing quotes and brackets glued to it.
            var j = k;
            var strong = terminator && token.First(text) != '.';
            while (j + 1 < n && tokens[j + 1].Start == tokens[j].End && IsTerminator(text, tokens[j + 1]))
            {
                j++;
                terminator = true;
                strong |= tokens[j].First(text) != '.';
            }

            var closers = 0;
            var closedQuote = false;
            while (j + 1 < n && tokens[j + 1].Start == tokens[j].End && IsCloser(text, tokens[j + 1]))
            {
                j++;
                closers++;
                closedQuote |= tokens[j].Kind == TokenKind.Quote;
            }

            if (j + 1 >= n)
            {
                break; // the line end closes the sentence anyway
            }

            var next = j + 1;
            if (tokens[next].Start > tokens[j].End && OpensSentence(text, tokens[next]))
            {
                bool ends;
                if (!terminator && closers == 0)
                {
                    titleCase ??= IsTitleCase(text, tokens);
                    ends = !titleCase.Value && AbbreviationEnds(text, tokens, first, k, next);
                }
                else
                {
                    ends = !IsListMarker(text, tokens, first, k, line)
                        && !(closedQuote && strong && IsAttribution(text, tokens, next));
                }

                if (ends)
                {
                    pieces.Add((tokens[first].Start, tokens[j].End, paragraph));
                    first = next;
                }
            }

            k = j;
        }

        if (first < n)
        {
            pieces.Add((tokens[first].Start, tokens[n - 1].End, paragraph));
        }
    }

    private static bool IsTerminator(string text, RawToken token)
    {
        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        foreach (var c in token.In(text))
        {
            if (!TextChars.IsSentenceTerminator(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCloser(string text, RawToken token) =>
        token.Length == 1 && ((token.Kind == TokenKind.Quote && TextChars.IsClosingQuote(token.First(text)))
            || (token.Kind == TokenKind.Punctuation && TextChars.IsClosingBracket(token.First(text))));

    /// <summary>Whether a token after whitespace can be the first of a sentence.</summary>
    private static bool OpensSentence(string text, RawToken token)
    {
        var t = token.In(text);
        switch (token.Kind)
        {
            case TokenKind.Word or TokenKind.Abbreviation:
                // "iPhone", "eBay": brand names keep a lower-case first letter at a sentence start.
                return token.IsCapitalizedIn(text) || (t.Length > 2 && char.IsLower(t[0]) && (char.IsUpper(t[1]) || char.IsUpper(t[2])));
            case TokenKind.Number:
                return true;
            case TokenKind.Quote:
                return TextChars.IsOpeningQuote(t[0]);
            case TokenKind.Punctuation:
                return TextChars.IsOpeningBracket(t[0]);
            default:
                return false;
        }
    }

    /// <summary>Whether the period of the abbreviation at <paramref name="k"/> also ends the sentence.</summary>
    private static bool AbbreviationEnds(string text, List<RawToken> tokens, int first, int k, int next)
    {
        var abbreviation = tokens[k];
        var following = tokens[next];
        var kind = Abbreviations.Find(abbreviation.In(text)) ?? AbbreviationKind.Initials;
        switch (kind)
        {
            case AbbreviationKind.NonFinal or AbbreviationKind.Number:
                return false;
            case AbbreviationKind.Final:
                return true;
        }

        // A lone initial opening the line is a list marker ("A. Background").
        if (k == first && kind == AbbreviationKind.Initials && abbreviation.Length == 2)
        {
            return false;
        }

        return following.Kind == TokenKind.Quote || SentenceStarters.Contains(following.In(text));
    }

    /// <summary>"1.", "b.", "IV." alone at the start of a line are list markers, not sentences.</summary>
    private static bool IsListMarker(string text, List<RawToken> tokens, int first, int k, TextLine line)
    {
        if (k != first + 1 || tokens[k].Length != 1 || tokens[k].First(text) != '.' || tokens[first].Start != line.Start)
        {
            return false;
        }

        var marker = tokens[first].In(text);
        return tokens[first].Kind switch
        {
            TokenKind.Number => marker.Length <= 2 && !marker.ContainsAnyExceptInRange('0', '9'),
            TokenKind.Word => marker.Length == 1 || (marker.Length <= 4 && !marker.ContainsAnyExcept(RomanDigits)),
            _ => false,
        };
    }

    /// <summary>"Trump asked", "Mr. Smith said", "He added" right after a quotation ending in ? or !.</summary>
    private static bool IsAttribution(string text, List<RawToken> tokens, int next)
    {
        if (PronounLookup.Contains(tokens[next].In(text)))
        {
            return next + 1 < tokens.Count && SpeechVerbLookup.Contains(tokens[next + 1].In(text));
        }

        // "Officials said..." after a quotation is a new sentence about someone else, not the quote's attribution.
        if (SentenceStarters.Contains(tokens[next].In(text)))
        {
            return false;
        }

        for (var m = next; m < tokens.Count && m < next + 5; m++)
        {
            var token = tokens[m];
            if (SpeechVerbLookup.Contains(token.In(text)))
            {
                return m > next;
            }

            if (!token.IsCapitalizedIn(text))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Headlines capitalise every major word, so a capital after "U.S." there says nothing about sentence ends.</summary>
    private static bool IsTitleCase(string text, List<RawToken> tokens)
    {
        var words = 0;
        var capitalised = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Word && token.Length >= 4 && char.IsLetter(token.First(text)))
            {
                words++;
                if (token.IsCapitalizedIn(text))
                {
                    capitalised++;
                }
            }
        }

        return words >= 3 && capitalised * 5 >= words * 4;
    }

    private static List<Sentence> WithQuotations(string text, List<(int Start, int End, int Paragraph)> pieces, IReadOnlyList<Quotation> quotations)
    {
        // Outermost quotations never overlap one another, so one forward sweep pairs them with sentences.
        var outer = quotations.Where(q => q.Depth == 0).ToList();
        var sentences = new List<Sentence>(pieces.Count);
        var q = 0;
        foreach (var (start, end, paragraph) in pieces)
        {
            while (q < outer.Count && outer[q].Outer.End <= start)
            {
                q++;
            }

            Quotation? quotation = null;
            var inside = false;
            if (q < outer.Count && outer[q].OpenMark <= start)
            {
                quotation = outer[q];
                inside = true;
            }
            else
            {
                for (var m = q; m < outer.Count && outer[m].OpenMark < end; m++)
                {
                    quotation = outer[m].Outer.End > end ? outer[m] : null;
                }
            }

            sentences.Add(new Sentence(sentences.Count, start, end, text.Substring(start, end - start))
            {
                Paragraph = paragraph,
                InQuotation = inside,
                Quotation = quotation,
            });
        }

        return sentences;
    }
}
