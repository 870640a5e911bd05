using NewsLeakExtractor.Extract.Mentions;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Extract.Reactions;

/// <summary>Someone's reaction found in the text: who, what kind, the words, and the quote if there is one.</summary>
public sealed record ReactionFinding(SentenceView Sentence, Mention Actor, string Kind, string Text, string? Quote, Contract.Span Evidence);

/// <summary>
/// Finds reactions: direct quotes with their speaker (after the quote, before it, or inherited by the next quote
/// of the same paragraph), and reported reactions and actions ("officials were alarmed by the leaks",
/// "the ministry launched an investigation", "is altering how it shares intelligence"), each with a kind from
/// <c>models/lexicons/reaction-cues.tsv</c>.
/// </summary>
public sealed class ReactionFinder
{
    private const string Statement = "statement";

    private static readonly HashSet<string> SpeechVerbs = Lexicon.Set("lexicons/speech-verbs.txt");

    private readonly (string Cue, string Kind)[] _cues;
    private readonly HashSet<string> _cueFirstWords;

    public ReactionFinder(LeakLexicons lexicons)
    {
        _cues = lexicons.ReactionCues.OrderByDescending(c => c.Key.Length).Select(c => (c.Key.ToLowerInvariant(), c.Value)).ToArray();
        _cueFirstWords = _cues.Select(c => c.Cue.Split(' ')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ReactionFinding> Find(string text, IReadOnlyList<SentenceView> sentences, IReadOnlyList<Quotation> quotations)
    {
        var findings = new List<ReactionFinding>();
        Mention? lastSpeaker = null;
        var lastParagraphEnd = -1;
        quotations = quotations.Where(q => q.Depth == 0 && q.Text.Length >= 12).ToList();
        foreach (var quotation in quotations)
        {
            var sentence = sentences.FirstOrDefault(s => s.Start <= quotation.Outer.End && quotation.Outer.End <= s.End + 1) ?? sentences.LastOrDefault(s => s.Start <= quotation.Start);
            if (sentence is null)
            {
                continue;
            }

            var paragraphStart = text.LastIndexOf("\n\n", Math.Max(0, quotation.Outer.Start - 1), StringComparison.Ordinal);
            var speaker = SpeakerAfter(text, quotation, sentences) ?? SpeakerBefore(text, quotation, sentence)
                ?? (paragraphStart < lastParagraphEnd ? lastSpeaker : null);
            if (speaker is null)
            {
                continue;
            }

            var quote = quotation.Text.Trim();
            var evidenceStart = Math.Min(quotation.Outer.Start, sentence.Start);
            var evidenceEnd = Math.Max(quotation.Outer.End, sentence.End);
            findings.Add(new ReactionFinding(sentence, speaker, KindOf(quote + " " + sentence.Text) ?? Statement, text[evidenceStart..evidenceEnd], quote,
                new Contract.Span(evidenceStart, evidenceEnd, text[evidenceStart..evidenceEnd])));
            lastSpeaker = speaker;
            var paragraphEnd = text.IndexOf("\n\n", quotation.Outer.End, StringComparison.Ordinal);
            lastParagraphEnd = paragraphEnd < 0 ? text.Length : paragraphEnd;
        }

        foreach (var sentence in sentences)
        {
            findings.AddRange(Reported(text, sentence, quotations));
        }

        return findings;
    }

    /// <summary>Reported reactions: a cue outside quotes, with its subject as the actor ("X and Y were alarmed").</summary>
    private IEnumerable<ReactionFinding> Reported(string text, SentenceView sentence, IReadOnlyList<Quotation> quotations)
    {
        // Only cues whose first word occurs in the sentence can match: a set lookup per token, not a scan per cue.
        if (!sentence.Tokens.Any(t => _cueFirstWords.Contains(t.Text)))
        {
            yield break;
        }

        var lower = sentence.Text.ToLowerInvariant();
        foreach (var (cue, kind) in _cues)
        {
            if (kind == Statement && !SpeechVerbs.Contains(cue) && cue is not ("announced" or "confirmed" or "declined to comment"))
            {
                continue;
            }

            var at = IndexOfWord(lower, cue);
            if (at < 0)
            {
                continue;
            }

            var cueStart = sentence.Start + at;
            if (quotations.Any(q => q.Outer.Start <= cueStart && cueStart < q.Outer.End))
            {
                continue;
            }

            var actors = Subjects(text, sentence, cueStart);
            foreach (var actor in actors)
            {
                // Speech next to a quote was handled with the quote.
                if (kind == Statement && quotations.Any(q => Math.Abs(q.Outer.End - actor.Start) < 6 || Math.Abs(q.Outer.Start - cueStart) < 30))
                {
                    continue;
                }

                yield return new ReactionFinding(sentence, actor, kind, sentence.Text, null, sentence.ToSpan());
            }

            yield break; // one reaction kind per sentence: the longest cue wins
        }
    }

    private string? KindOf(string words)
    {
        var lower = words.ToLowerInvariant();
        foreach (var (cue, kind) in _cues)
        {
            if (kind != Statement && IndexOfWord(lower, cue) >= 0)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>“...,” Name said / “...,” said Name / “...,” the source said.</summary>
    private static Mention? SpeakerAfter(string text, Quotation quotation, IReadOnlyList<SentenceView> sentences)
    {
        var close = quotation.Outer.End;
        var sentence = sentences.FirstOrDefault(s => s.Start <= close && close <= s.End + 1);
        if (sentence is null)
        {
            return null;
        }

        var after = sentence.Mentions.Where(m => m.Start >= close && m.Start - close <= 12 && m.Entity is not null && m.Entity.Kind != MentionKind.Outlet).FirstOrDefault();
        if (after is not null && (SpeechVerbAt(text, after.End, 25) || SpeechVerbBefore(text, after.Start, close)))
        {
            return after;
        }

        // Name, a long appositive, told X: the speech verb may come after the role.
        if (after is not null && text[after.End..Math.Min(sentence.End, after.End + 200)].Split(' ').Any(w => SpeechVerbs.Contains(w.Trim(',', '.'))))
        {
            return after;
        }

        return null;
    }

    /// <summary>Name said: “...” / Name said, “...”.</summary>
    private static Mention? SpeakerBefore(string text, Quotation quotation, SentenceView sentence)
    {
        var open = quotation.Outer.Start;
        var before = sentence.Mentions.LastOrDefault(m => m.End <= open && open - m.End <= 25 && m.Entity is not null && m.Entity.Kind != MentionKind.Outlet);
        if (before is not null && SpeechVerbAt(text, before.End, open - before.End))
        {
            return before;
        }

        // "Gov. Daniel Okafor, who signed the law, said he was “deeply troubled”": the subject of the last speech
        // verb before the quote, found the way reported reactions find theirs.
        for (var token = sentence.Tokens.Count - 1; token >= 0; token--)
        {
            var t = sentence.Tokens[token];
            if (t.End <= open && t.Start >= sentence.Start && SpeechVerbs.Contains(t.Text))
            {
                return Subjects(text, sentence, t.Start).FirstOrDefault();
            }
        }

        return null;
    }

    private static bool SpeechVerbAt(string text, int from, int window)
    {
        var end = Math.Min(text.Length, from + Math.Max(0, window));
        foreach (var word in text[from..end].Split([' ', ',', ':', '.'], StringSplitOptions.RemoveEmptyEntries).Take(3))
        {
            if (SpeechVerbs.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SpeechVerbBefore(string text, int mentionStart, int quoteEnd)
    {
        var between = text[quoteEnd..mentionStart];
        return between.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Any(SpeechVerbs.Contains);
    }

    /// <summary>
    /// The actors doing the reacting: the subject right before the cue (with any joined to it by "and"), the head of
    /// a relative clause ("an official who spoke with the paper noted"), or the actor opening a parenthetical.
    /// </summary>
    private static List<Mention> Subjects(string text, SentenceView sentence, int cueStart)
    {
        var before = sentence.Mentions.Where(m => m.End <= cueStart && m.Kind != MentionKind.Pronoun && m.Entity is not null && m.Entity.Kind != MentionKind.Outlet).ToList();
        if (before.Count == 0)
        {
            return [];
        }

        var nearest = before[^1];
        var between = text[nearest.End..cueStart];
        if (!between.Contains(',', StringComparison.Ordinal) && between.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4)
        {
            var subjects = new List<Mention> { nearest };
            for (var i = before.Count - 2; i >= 0; i--)
            {
                var joint = text[before[i].End..subjects[^1].Start].Trim();
                if (joint is not ("and" or "," or ", and" or "and other" or "and the"))
                {
                    break;
                }

                subjects.Add(before[i]);
            }

            return subjects;
        }

        var head = before.LastOrDefault(m => text.AsSpan(m.End).TrimStart() is var rest && (rest.StartsWith("who ") || rest.StartsWith("which ") || rest.StartsWith("that ")));
        if (head is not null)
        {
            // "Dr Mehra, a criminologist at Northshire University who has studied leaks, said": the person the
            // description belongs to speaks, not the body named inside it.
            if (head.Entity?.Kind != MentionKind.Person
                && before.FirstOrDefault(m => m.Entity?.Kind == MentionKind.Person && m.End < head.Start && text.AsSpan(m.End).TrimStart().StartsWith(",")) is { } person)
            {
                return [person];
            }

            return [head];
        }

        var opener = before.FirstOrDefault(m => text.AsSpan(m.End).TrimStart().StartsWith(",") && text[m.End..cueStart].TrimEnd().EndsWith(','));
        return opener is null ? [] : [opener];
    }

    private static int IndexOfWord(string haystack, string word)
    {
        var at = 0;
        while ((at = haystack.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
        {
            var startOk = at == 0 || !char.IsLetter(haystack[at - 1]);
            var end = at + word.Length;
            var endOk = end >= haystack.Length || !char.IsLetter(haystack[end]);
            if (startOk && endOk)
            {
                return at;
            }

            at = end;
        }

        return -1;
    }
}
