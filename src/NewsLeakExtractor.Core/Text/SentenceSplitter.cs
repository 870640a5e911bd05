namespace NewsLeakExtractor.Text;

/// <summary>
/// Rule-based English sentence splitter for news text, working on the tokens of <see cref="Tokenizer"/>.
/// </summary>
/// <remarks>
/// Rules, in order:
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

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "He", "She", "They", "We", "I", "It", "You" };

    /// <summary>The sentences of <paramref name="text"/>, in order, indexed from 0.</summary>
    public static IReadOnlyList<Sentence> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<(int Start, int End, int Paragraph)>();
        var paragraph = -1;
        foreach (var line in TextLines.NonBlank(text))
        {
            if (line.BlankBefore || paragraph < 0)
            {
                paragraph++;
            }

            SplitLine(text, line, paragraph, pieces);
        }

        return WithQuotations(text, pieces, QuotationFinder.Find(text));
    }

    private static void SplitLine(string text, TextLine line, int paragraph, List<(int, int, int)> pieces)
    {
        var tokens = Tokenizer.Tokenize(text, line.Start, line.End);
        var n = tokens.Count;
        var first = 0;
        bool? titleCase = null;
        for (var k = 0; k < n; k++)
        {
            var token = tokens[k];
            var terminator = IsTerminator(token);
            if (!terminator && !(token.Kind == TokenKind.Abbreviation && token.Text.EndsWith('.')))
            {
                continue;
            }

            // The terminator run ("?!", "...") and the closing quotes and brackets glued to it.
            var j = k;
            var strong = terminator && token.Text[0] != '.';
            while (j + 1 < n && tokens[j + 1].Start == tokens[j].End && IsTerminator(tokens[j + 1]))
            {
                j++;
                terminator = true;
                strong |= tokens[j].Text[0] != '.';
            }

            var closers = 0;
            var closedQuote = false;
            while (j + 1 < n && tokens[j + 1].Start == tokens[j].End && IsCloser(tokens[j + 1]))
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
            if (tokens[next].Start > tokens[j].End && OpensSentence(tokens[next]))
            {
                bool ends;
                if (!terminator && closers == 0)
                {
                    titleCase ??= IsTitleCase(tokens);
                    ends = !titleCase.Value && AbbreviationEnds(tokens, first, k, next);
                }
                else
                {
                    ends = !IsListMarker(tokens, first, k, line)
                        && !(closedQuote && strong && IsAttribution(tokens, next));
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

    private static bool IsTerminator(Token token)
    {
        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        foreach (var c in token.Text)
        {
            if (!TextChars.IsSentenceTerminator(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCloser(Token token) =>
        token.Text.Length == 1 && ((token.Kind == TokenKind.Quote && TextChars.IsClosingQuote(token.Text[0]))
            || (token.Kind == TokenKind.Punctuation && TextChars.IsClosingBracket(token.Text[0])));

    /// <summary>Whether a token after whitespace can be the first of a sentence.</summary>
    private static bool OpensSentence(Token token)
    {
        var t = token.Text;
        switch (token.Kind)
        {
            case TokenKind.Word or TokenKind.Abbreviation:
                // "iPhone", "eBay": brand names keep a lower-case first letter at a sentence start.
                return token.IsCapitalized || (t.Length > 2 && char.IsLower(t[0]) && (char.IsUpper(t[1]) || char.IsUpper(t[2])));
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
    private static bool AbbreviationEnds(IReadOnlyList<Token> tokens, int first, int k, int next)
    {
        var abbreviation = tokens[k];
        var following = tokens[next];
        var kind = Tokenizer.AbbreviationKindOf(abbreviation);
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

        return following.Kind == TokenKind.Quote || SentenceStarters.Contains(following.Text);
    }

    /// <summary>"1.", "b.", "IV." alone at the start of a line are list markers, not sentences.</summary>
    private static bool IsListMarker(IReadOnlyList<Token> tokens, int first, int k, TextLine line)
    {
        if (k != first + 1 || tokens[k].Text != "." || tokens[first].Start != line.Start)
        {
            return false;
        }

        var marker = tokens[first].Text;
        return tokens[first].Kind switch
        {
            TokenKind.Number => marker.Length <= 2 && marker.All(char.IsAsciiDigit),
            TokenKind.Word => marker.Length == 1 || (marker.Length <= 4 && marker.All(c => "IVXLivxl".Contains(c))),
            _ => false,
        };
    }

    /// <summary>"Trump asked", "Mr. Smith said", "He added" right after a quotation ending in ? or !.</summary>
    private static bool IsAttribution(IReadOnlyList<Token> tokens, int next)
    {
        if (Pronouns.Contains(tokens[next].Text))
        {
            return next + 1 < tokens.Count && SpeechVerbs.Contains(tokens[next + 1].Text);
        }

        // "Officials said..." after a quotation is a new sentence about someone else, not the quote's attribution.
        if (SentenceStarters.Contains(tokens[next].Text))
        {
            return false;
        }

        for (var m = next; m < tokens.Count && m < next + 5; m++)
        {
            var token = tokens[m];
            if (SpeechVerbs.Contains(token.Text))
            {
                return m > next;
            }

            if (!token.IsCapitalized)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Headlines capitalise every major word, so a capital after "U.S." there says nothing about sentence ends.</summary>
    private static bool IsTitleCase(IReadOnlyList<Token> tokens)
    {
        var words = 0;
        var capitalised = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Word && token.Length >= 4 && char.IsLetter(token.Text[0]))
            {
                words++;
                if (token.IsCapitalized)
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
