namespace NewsLeakExtractor.Text;

/// <summary>
/// Finds quotations: text between matching “ ” (also „ “, « », and straight " ") or ‘ ’ (and straight ' ') marks.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A quotation may run over any number of sentences in its paragraph.</item>
/// <item>A paragraph that leaves a quotation open continues it when the next paragraph opens with a quote mark of
/// the same kind (the English convention for multi-paragraph quotes: no closing mark at the end of each paragraph,
/// an opening mark at the start of the next). Otherwise the quotation is reported unclosed (<see cref="Quotation.CloseMark"/>
/// -1), ending with its paragraph.</item>
/// <item>Across a single line break (a &lt;br&gt; inside a paragraph) a quotation also continues when the next line's
/// first double mark is a closing one.</item>
/// <item>Straight double quotes alternate open/close; a straight quote that can only be closing with none open
/// (12" pizza) is ignored. Curly ’ and straight ' are apostrophes unless a single quotation is open and the mark is
/// not followed by a letter or digit, so "Israel’s" never closes a quotation; a plural possessive ("officials’ view")
/// inside a ‘single’ quotation is taken as such when a lower-case word follows it and another closing mark comes
/// later on the line.</item>
/// <item>A single quotation left open at the end of its paragraph with no continuation is dropped rather than
/// reported, because it is most often an apostrophe misread as a mark ("'em", "'tis").</item>
/// </list>
/// </remarks>
public static class QuotationFinder
{
    /// <summary>All quotations in <paramref name="text"/>, ordered by opening mark; nested ones follow their container.</summary>
    public static IReadOnlyList<Quotation> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = TextLines.NonBlank(text);
        var found = new List<Quotation>();
        var stack = new List<Open>();
        for (var n = 0; n < lines.Count; n++)
        {
            var line = lines[n];
            var from = line.Start;
            if (n > 0)
            {
                from = CrossBoundary(text, lines[n - 1], line, stack, found);
            }

            for (var k = from; k < line.End; k++)
            {
                var c = text[k];
                if (TextChars.IsQuoteMark(c))
                {
                    OnMark(text, line, k, stack, found);
                }
            }
        }

        if (lines.Count > 0)
        {
            // As at every line end, nested quotations die with the line and the outermost one is reported unclosed.
            while (stack.Count > 1)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            if (stack.Count == 1)
            {
                FinishUnclosed(text, stack, 0, lines[^1].End, found);
            }
        }

        found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private enum Family
    {
        Double,
        Single,
    }

    private sealed class Open(int mark, char markChar, Family family)
    {
        public int Mark { get; } = mark;

        public char MarkChar { get; } = markChar;

        public Family Family { get; } = family;

        public int SegmentStart { get; set; } = mark + 1;

        public List<TextSpan> Segments { get; } = [];
    }

    /// <summary>Carries open quotations from <paramref name="previous"/> into <paramref name="line"/>; returns where scanning resumes.</summary>
    private static int CrossBoundary(string text, TextLine previous, TextLine line, List<Open> stack, List<Quotation> found)
    {
        // Nested quotations never outlive their line.
        while (stack.Count > 1)
        {
            stack.RemoveAt(stack.Count - 1);
        }

        if (stack.Count == 0)
        {
            return line.Start;
        }

        var open = stack[0];
        var first = text[line.Start];
        var continues = open.Family == Family.Double
            ? TextChars.IsOpeningDoubleQuote(first) || first == '"'
            : first is '\u2018' or '\'';
        if (continues)
        {
            open.Segments.Add(new TextSpan(open.SegmentStart, previous.End));
            open.SegmentStart = line.Start + 1;
            return line.Start + 1;
        }

        if (!line.BlankBefore && open.Family == Family.Double && FirstDoubleMarkCloses(text, line))
        {
            open.Segments.Add(new TextSpan(open.SegmentStart, previous.End));
            open.SegmentStart = line.Start;
            return line.Start;
        }

        FinishUnclosed(text, stack, 0, previous.End, found);
        return line.Start;
    }

    private static bool FirstDoubleMarkCloses(string text, TextLine line)
    {
        for (var k = line.Start; k < line.End; k++)
        {
            var c = text[k];
            if (TextChars.IsClosingDoubleQuote(c))
            {
                return true;
            }

            if (TextChars.IsOpeningDoubleQuote(c) || c == '"')
            {
                return false;
            }
        }

        return false;
    }

    private static void OnMark(string text, TextLine line, int k, List<Open> stack, List<Quotation> found)
    {
        var c = text[k];
        var before = k > line.Start ? text[k - 1] : ' ';
        var after = k + 1 < line.End ? text[k + 1] : ' ';
        var closingContext = !TextChars.IsSpace(before) && !TextChars.IsOpeningBracket(before)
            && (TextChars.IsSpace(after) || char.IsPunctuation(after) || TextChars.IsQuoteMark(after));
        var openingContext = (TextChars.IsSpace(before) || TextChars.IsOpeningBracket(before) || char.IsPunctuation(before) || TextChars.IsQuoteMark(before))
            && !TextChars.IsSpace(after);
        var openDouble = Top(stack, Family.Double);
        var openSingle = Top(stack, Family.Single);

        switch (c)
        {
            case '\u201C' when openDouble >= 0 && stack[openDouble].MarkChar == '\u201E':
                // German style „…“ closes with the English opening mark.
                Close(text, stack, openDouble, k, found);
                break;
            case '\u201C' or '\u201E' or '\u00AB' or '\u201F':
                if (openDouble >= 0 && closingContext && !openingContext)
                {
                    Close(text, stack, openDouble, k, found); // “ typed where ” was meant
                }
                else
                {
                    if (openDouble >= 0)
                    {
                        FinishUnclosed(text, stack, openDouble, TrimEnd(text, stack[openDouble].SegmentStart, k), found);
                    }

                    stack.Add(new Open(k, c, Family.Double));
                }

                break;
            case '\u201D' or '\u00BB':
                if (openDouble >= 0)
                {
                    Close(text, stack, openDouble, k, found);
                }

                break;
            case '"':
                if (openDouble >= 0)
                {
                    Close(text, stack, openDouble, k, found);
                }
                else if (openingContext || !closingContext)
                {
                    stack.Add(new Open(k, c, Family.Double));
                }

                break;
            case '\u2018' or '\u201B':
                if (!char.IsLetterOrDigit(before))
                {
                    stack.Add(new Open(k, c, Family.Single));
                }

                break;
            case '\u2019' or '\'':
                if (openSingle >= 0 && !TextChars.IsSpace(before) && !char.IsLetterOrDigit(after) && !IsElision(text, line, k, stack[openSingle].Mark)
                    && !TextChars.IsPluralPossessiveInQuote(text, k, line.End))
                {
                    Close(text, stack, openSingle, k, found);
                }
                else if (c == '\'' && !char.IsLetterOrDigit(before) && char.IsLetter(after))
                {
                    stack.Add(new Open(k, c, Family.Single));
                }

                break;
        }
    }

    /// <summary>
    /// "rock ’n’ roll": a word wrapped in apostrophes that did not open the quotation is an elision, not its end.
    /// </summary>
    private static bool IsElision(string text, TextLine line, int k, int openMark)
    {
        var wordStart = k;
        while (wordStart > line.Start && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        return wordStart < k && wordStart > line.Start && wordStart - 1 != openMark && TextChars.IsApostrophe(text[wordStart - 1])
            && (wordStart - 1 == line.Start || TextChars.IsSpace(text[wordStart - 2]));
    }

    private static int Top(List<Open> stack, Family family)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            if (stack[i].Family == family)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Close(string text, List<Open> stack, int index, int closeMark, List<Quotation> found)
    {
        // Quotations opened inside this one and never closed were misreadings; forget them.
        stack.RemoveRange(index + 1, stack.Count - index - 1);
        var open = stack[index];
        stack.RemoveAt(index);
        open.Segments.Add(new TextSpan(open.SegmentStart, closeMark));
        Add(text, open, closeMark, closeMark, index, found);
    }

    private static void FinishUnclosed(string text, List<Open> stack, int index, int end, List<Quotation> found)
    {
        stack.RemoveRange(index + 1, stack.Count - index - 1);
        var open = stack[index];
        stack.RemoveAt(index);
        if (open.Family == Family.Single)
        {
            return;
        }

        open.Segments.Add(new TextSpan(open.SegmentStart, Math.Max(open.SegmentStart, end)));
        Add(text, open, Math.Max(open.Mark + 1, end), -1, index, found);
    }

    private static void Add(string text, Open open, int end, int closeMark, int depth, List<Quotation> found)
    {
        var start = open.Mark + 1;
        var content = text.AsSpan(start, end - start);
        if (content.IsWhiteSpace())
        {
            return;
        }

        found.Add(new Quotation(start, end, content.ToString())
        {
            CloseMark = closeMark,
            Depth = depth,
            Segments = open.Segments,
        });
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && TextChars.IsSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
