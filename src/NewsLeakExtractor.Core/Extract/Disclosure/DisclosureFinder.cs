using NewsLeakExtractor.Classify;
using NewsLeakExtractor.Extract.Mentions;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Extract.Disclosure;

/// <summary>
/// Reads disclosures off a sentence through the verb frames of <c>models/lexicons/leak-verbs.tsv</c>:
/// "X shared Z with Y", "X told Y about Z", "Z was leaked to Y by X", "documents provided to Y by X",
/// "Y obtained Z from X", "hackers dumped Z online". Past tenses only: news reports a leak that happened,
/// while "Israel shares intelligence with the U.S." describes a habit.
/// </summary>
public sealed class DisclosureFinder
{
    private static readonly HashSet<string> Be = new(StringComparer.OrdinalIgnoreCase) { "was", "were", "been", "being", "is", "are", "be", "got", "get", "gets" };
    private static readonly HashSet<string> ClauseStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "with", "in", "at", "during", "on", "after", "before", "because", "while", "as", "when", "since", "until", "by", "from", "last", "ago", "who", "which", "and", "but", "amid", "despite", "without", "via", "through", "into", "ahead", "days", "weeks", "months", "hours",
    };

    /// <summary>Words that cannot open the thing disclosed: what follows them is a clause or a place, not information.</summary>
    private static readonly HashSet<string> NotObjectStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "that", "on", "as", "in", "at", "for", "we", "i", "you", "he", "she", "they", "there", "if", "whether", "what", "how", "why", "when", "where", "who", "because", "so", "than", "up", "out", "off", "back", "away", "down",
    };

    private static readonly HashSet<string> ObjectPronouns = new(StringComparer.OrdinalIgnoreCase) { "him", "her", "them", "us", "me" };

    private static readonly HashSet<string> ContentFreeObjects = new(StringComparer.OrdinalIgnoreCase) { "it", "this", "that", "them", "something", "anything", "nothing", "so", "out" };
    private static readonly HashSet<string> IrregularPast = new(StringComparer.OrdinalIgnoreCase)
    {
        "told", "gave", "given", "sent", "slipped", "fed", "let", "saw", "seen", "got", "gotten", "read", "shown", "showed", "spilt", "spilled", "put", "wrote", "written", "brought", "took", "taken", "dumped", "blurted",
    };

    private static readonly HashSet<string> GroupReferences = new(StringComparer.OrdinalIgnoreCase) { "both men", "both women", "both", "the two men", "the two", "the men", "them", "the pair", "both officials" };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "some", "all" };

    private static readonly HashSet<string> Quantifiers = new(StringComparer.OrdinalIgnoreCase) { "about", "some", "around", "nearly", "almost", "roughly", "more", "than", "over", "dozens", "hundreds", "of" };

    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase) { "might", "may", "could", "would", "should", "will", "can", "must", "have", "has", "had", "not", "never" };

    private readonly IReadOnlyDictionary<string, string> _verbs;
    private readonly int _longestVerb;
    private readonly HashSet<string> _firstWords;
    private readonly HashSet<string> _strongVerbs = Lexicon.Set("lexicons/strong-leak-verbs.txt");
    private readonly HashSet<string> _informationNouns = Lexicon.Set("lexicons/information-nouns.txt");
    private readonly IReadOnlyDictionary<string, string> _classifications;

    private readonly Gazetteer _gazetteer;

    public DisclosureFinder(LeakLexicons lexicons, Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        _verbs = lexicons.LeakVerbs;
        _firstWords = _verbs.Keys.Select(k => k.Split(' ')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _classifications = lexicons.Classifications;
        _longestVerb = _verbs.Keys.Max(k => k.Split(' ').Length);
    }

    public IReadOnlyList<DisclosureFinding> Find(string text, SentenceView view, SentenceView? previous)
    {
        var findings = new List<DisclosureFinding>();
        var tokens = view.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var (frame, length) = VerbAt(tokens, i);
            if (frame is null)
            {
                continue;
            }

            if (frame == "noun")
            {
                if (Nominal(text, view, i, length) is { } nominal)
                {
                    findings.Add(nominal);
                }

                continue;
            }

            var verb = string.Join(' ', tokens.Skip(i).Take(length).Select(t => t.Text));

            // An outlet that "reported" cites the leak; it is the reporting source, found elsewhere, not a disclosure.
            if (frame == "publish" && verb.StartsWith("report", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!IsPast(tokens[i].Text) && !IsGerundOfPastAct(tokens, i))
            {
                continue;
            }

            var finding = Read(text, view, previous, i, length, frame, verb);
            if (finding is not null)
            {
                findings.Add(finding);
            }

            i += length - 1;
        }

        return findings;
    }

    /// <summary>Whether a sentence has a disclosure verb this finder would read (past tense, gerund of a past act, or a leak noun).</summary>
    public bool MayDisclose(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var (frame, _) = VerbAt(tokens, i);
            if (frame is not null && (frame == "noun" || IsPast(tokens[i].Text) || IsGerundOfPastAct(tokens, i)))
            {
                return true;
            }
        }

        return false;
    }

    private (string? Frame, int Length) VerbAt(IReadOnlyList<Token> tokens, int i)
    {
        if (!_firstWords.Contains(tokens[i].Text))
        {
            return (null, 0);
        }

        for (var length = Math.Min(_longestVerb, tokens.Count - i); length >= 1; length--)
        {
            var phrase = string.Join(' ', tokens.Skip(i).Take(length).Select(t => t.Text));
            if (_verbs.TryGetValue(phrase, out var frame))
            {
                return (frame, length);
            }
        }

        return (null, 0);
    }

    private static readonly HashSet<string> GerundPrepositions = new(StringComparer.OrdinalIgnoreCase) { "after", "for", "of", "by", "over", "from", "with", "about", "before", "without", "since" };

    /// <summary>"charged with leaking", "after passing", "accused of copying ... and passing": an act the news reports as done.</summary>
    private static bool IsGerundOfPastAct(IReadOnlyList<Token> tokens, int i)
    {
        if (!tokens[i].Text.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || i == 0)
        {
            return false;
        }

        var previous = tokens[i - 1].Text;
        if (GerundPrepositions.Contains(previous))
        {
            return true;
        }

        // "of copying the cables and passing them": a gerund joined to one that follows a preposition.
        if (previous == "and")
        {
            for (var k = i - 2; k > 0 && k > i - 12; k--)
            {
                if (tokens[k].Text.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && GerundPrepositions.Contains(tokens[k - 1].Text))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPast(string verb) =>
        verb.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || IrregularPast.Contains(verb);

    private DisclosureFinding? Read(string text, SentenceView view, SentenceView? previous, int verbIndex, int verbLength, string frame, string verb)
    {
        var tokens = view.Tokens;
        var before = PreviousWord(tokens, verbIndex);
        var passive = before >= 0 && Be.Contains(tokens[before].Text);
        var verbStart = tokens[verbIndex].Start;
        var afterVerb = verbIndex + verbLength;
        // A participle with an agent and no object of its own is passive without "was":
        // "documents provided to the paper by a contractor", "the draft, posted Monday night by the Ledger".
        var reducedRelative = !passive && tokens[verbIndex].Text.EndsWith("ed", StringComparison.OrdinalIgnoreCase)
            && afterVerb < tokens.Count && !Determiners.Contains(tokens[afterVerb].Text)
            && (tokens[afterVerb].Text is "to" || MentionAfterWord(view, afterVerb, "by") is not null)
            && Subject(text, view, verbStart) is null;

        Mention? leaker = null;
        var recipients = new List<Mention>();
        Contract.Span? information = null;

        if (passive || reducedRelative)
        {
            // "Z was leaked to Y by X" / "documents provided to Y by X"
            information = NounPhraseBefore(text, tokens, passive ? before : verbIndex);
            if (information is null || !NamesInformation(information.Text))
            {
                information = InformationBefore(text, view, passive ? before : verbIndex) ?? information;
            }
            // The lexicon's phrase may end with its preposition ("obtained by", "leaked to"): search from inside it.
            leaker = MentionAfterWord(view, verbIndex + 1, "by");
            recipients.AddRange(MentionsAfterWord(view, verbIndex + 1, "to"));
            recipients.AddRange(MentionsAfterWord(view, verbIndex + 1, "with"));
            if (frame == "obtain" || (leaker?.Entity?.Kind == MentionKind.Outlet && frame is "publish" or "give"))
            {
                // "Z was obtained by Y", "the draft, posted by the Ledger": the agent is the recipient.
                (leaker, recipients) = (null, leaker is null ? recipients : [leaker, .. recipients]);
            }
        }
        else
        {
            var subject = Subject(text, view, verbStart);
            switch (frame)
            {
                case "tell":
                    leaker = subject;
                    var (told, next) = Addressees(text, view, afterVerb, subject, previous);
                    recipients.AddRange(told);
                    information = About(text, tokens, next);
                    break;
                case "publish" or "obtain" when subject?.Kind == MentionKind.Outlet:
                    // An outlet that publishes or obtains is the recipient; who leaked to it is another matter.
                    recipients.Add(subject);
                    information = ObjectPhrase(text, tokens, afterVerb);
                    break;
                case "obtain":
                    if (subject is not null)
                    {
                        recipients.Add(subject);
                    }

                    information = ObjectPhrase(text, tokens, afterVerb);
                    leaker = MentionAfterWord(view, afterVerb, "from") ?? MentionAfterWord(view, afterVerb, "by");
                    break;
                default: // give, publish, expose
                    leaker = subject;
                    var objectStart = afterVerb;

                    // Double object: "handed him the documents", "gave the reporter a copy".
                    if (frame == "give" && DoubleObject(view, afterVerb) is var (indirect, afterIndirect) && indirect is not null)
                    {
                        recipients.Add(indirect);
                        objectStart = afterIndirect;
                    }

                    information = ObjectPhrase(text, tokens, objectStart);
                    recipients.AddRange(MentionsAfterWord(view, afterVerb, "to"));
                    recipients.AddRange(MentionsAfterWord(view, afterVerb, "with"));
                    if (frame == "publish")
                    {
                        // "posted the slides on the Tank Yard server", "dumped the emails on OpenVault": the platform.
                        recipients.AddRange(MentionsAfterWord(view, afterVerb, "on"));
                    }
                    break;
            }
        }

        // "handed in his resignation", "told to the BBC interviewer", "gave her a unique advantage": not an object.
        if (information is not null && !passive && (NotObjectStarts.Contains(information.Text.Split(' ')[0]) || (ObjectPronouns.Contains(information.Text.Split(' ')[0]) && information.Text.Contains(' ', StringComparison.Ordinal))))
        {
            return null;
        }

        recipients.RemoveAll(r => leaker is not null && r.Entity == leaker.Entity);
        if (leaker is null && recipients.Count == 0)
        {
            return null;
        }

        // "passing them to the newspaper": an object that only points back is fine when both ends are named.
        if (information is not null && ContentFreeObjects.Contains(information.Text))
        {
            information = null;
        }

        if (information is null && (leaker is null || recipients.Count == 0 || frame == "tell"))
        {
            return null;
        }

        // Telling is everyday speech: it reports a leak only when what was told is protected or the sentence says so.
        if (frame == "tell" && !NamesInformation(information!.Text) && !NamesInformation(view.Text) && view.Roles.Role != SentenceRole.Disclosure)
        {
            return null;
        }

        // Telling an outlet something is being a source, not leaking ("he told Reuters"), unless the verb says leak.
        if (frame == "tell" && recipients.Count > 0 && recipients.All(r => r.Kind == MentionKind.Outlet))
        {
            return null;
        }

        var strength = Strength(view, frame, verb, leaker, recipients, information);
        return new DisclosureFinding(view, frame, verb, leaker, recipients, OwnersIn(view, information), information, strength)
        {
            OwnerNames = OwnerAdjectives(information),
            StrongVerb = _strongVerbs.Contains(verb),
            NamesInformation = information is not null && NamesInformation(information.Text),
            Classified = information is not null && information.Text.Split(' ').Any(w => _classifications.ContainsKey(w)),
        };
    }

    /// <summary>
    /// Nominal forms: "the leak of the memo by an aide (to the Post)", "Osei's disclosure of the memo to KPRT".
    /// The object must name information: "the leak of radioactive water" is no disclosure.
    /// </summary>
    private DisclosureFinding? Nominal(string text, SentenceView view, int nounIndex, int nounLength)
    {
        var tokens = view.Tokens;
        var afterNoun = nounIndex + nounLength;
        if (afterNoun >= tokens.Count || tokens[afterNoun].Text != "of")
        {
            return null;
        }

        var information = ObjectPhrase(text, tokens, afterNoun + 1);
        if (information is null || !NamesInformation(information.Text))
        {
            return null;
        }

        // The leaker: "by X" after the object, or a possessive right before the noun ("Osei's disclosure").
        var leaker = MentionAfterWord(view, afterNoun + 1, "by");
        if (leaker is null && nounIndex > 0)
        {
            var owner = view.Mentions.LastOrDefault(m => m.End == tokens[nounIndex - 1].End && m.Entity is not null);
            if (owner is not null && Gazetteer.IsPossessive(tokens[nounIndex - 1].Text))
            {
                leaker = owner;
            }
        }

        var recipients = MentionsAfterWord(view, afterNoun + 1, "to");
        if (leaker is null && recipients.Count == 0)
        {
            return null;
        }

        var verb = string.Join(' ', tokens.Skip(nounIndex).Take(nounLength).Select(t => t.Text));
        var strength = Strength(view, "give", verb, leaker, recipients, information);
        return new DisclosureFinding(view, "noun", verb, leaker, recipients, OwnersIn(view, information), information, strength)
        {
            OwnerNames = OwnerAdjectives(information),
            NamesInformation = true,
            Classified = information.Text.Split(' ').Any(w => _classifications.ContainsKey(w)),
        };
    }

    /// <summary>
    /// How strongly the pattern says "leak": a complete frame (leaker, recipient), a verb that means leaking on
    /// its own, an object that names protected information, and the classifier's reading of the sentence,
    /// less its belief that the sentence is about something else (an authorised release, a gas leak).
    /// </summary>
    private double Strength(SentenceView view, string frame, string verb, Mention? leaker, List<Mention> recipients, Contract.Span? information)
    {
        var strength = 0.3;
        strength += leaker is null ? 0 : 0.2;
        strength += recipients.Count == 0 ? 0 : 0.15;
        strength += _strongVerbs.Contains(verb) ? 0.25 : frame == "tell" ? 0.1 : 0.05;
        strength += information is not null && NamesInformation(information.Text) ? 0.15 : 0;
        strength += 0.25 * view.Roles[SentenceRole.Disclosure];
        strength -= 0.3 * view.Roles[SentenceRole.Other];
        return Math.Clamp(strength, 0, 1);
    }

    private bool NamesInformation(string phrase)
    {
        var lower = phrase.ToLowerInvariant();
        foreach (var word in lower.Split([' ', '-', ',', '’', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            if (_informationNouns.Contains(word) || _classifications.ContainsKey(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Nationality words at the head of the information ("British information", "Israeli intelligence").</summary>
    private List<string> OwnerAdjectives(Contract.Span? information)
    {
        if (information is null)
        {
            return [];
        }

        var tokens = Tokenizer.Tokenize(information.Text);
        var owners = new List<string>();
        for (var i = 0; i < Math.Min(3, tokens.Count); i++)
        {
            if (_gazetteer.Match(tokens, i, k => k is EntryKind.Demonym) is { } demonym)
            {
                owners.Add(demonym.Entry.Canonical);
            }
        }

        return owners;
    }

    /// <summary>Countries and bodies named as the owners of the information ("British information", "Israel's intelligence").</summary>
    private static List<Mention> OwnersIn(SentenceView view, Contract.Span? information)
    {
        var owners = new List<Mention>();
        if (information is null)
        {
            return owners;
        }

        foreach (var mention in view.Mentions)
        {
            if (mention.Start >= information.Start && mention.Start <= information.Start + 12 && mention.Kind is MentionKind.Country or MentionKind.Organization or MentionKind.Group)
            {
                owners.Add(mention);
            }
        }

        return owners;
    }

    /// <summary>
    /// The subject of the verb: the actor right before it ("Trump shared", "officials quickly leaked"), or, when a
    /// parenthetical clause stands between ("Trump, who was meeting with ..., told"), the actor that opens the clause.
    /// </summary>
    private static Mention? Subject(string text, SentenceView view, int verbStart)
    {
        var candidates = view.Mentions.Where(m => m.End <= verbStart && m.Entity is not null).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var nearest = candidates[^1];
        var between = text[nearest.End..verbStart];
        if (!between.Contains(',', StringComparison.Ordinal) && WordCount(between) <= 3)
        {
            return nearest;
        }

        foreach (var candidate in candidates)
        {
            var after = text.AsSpan(candidate.End, Math.Min(3, text.Length - candidate.End)).TrimStart();
            if (after.StartsWith(",") && text[candidate.End..verbStart].TrimEnd().EndsWith(',') is var closes && closes)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>An indirect object right after the verb when a determiner follows it: "handed him the file".</summary>
    private static (Mention? Indirect, int Next) DoubleObject(SentenceView view, int index)
    {
        var tokens = view.Tokens;
        if (index + 1 >= tokens.Count)
        {
            return (null, index);
        }

        var mention = view.Mentions.FirstOrDefault(m => m.Start == tokens[index].Start && m.Entity is not null);
        if (mention is null)
        {
            return (null, index);
        }

        var next = view.TokenAt(mention.End);
        return next < tokens.Count && Determiners.Contains(tokens[next].Text) ? (mention, next) : (null, index);
    }

    /// <summary>The people told: actors right after the verb, or "both men" meaning the people named before.</summary>
    private static (List<Mention> Told, int Next) Addressees(string text, SentenceView view, int index, Mention? subject, SentenceView? previous)
    {
        var tokens = view.Tokens;
        if (index >= tokens.Count)
        {
            return ([], index);
        }

        foreach (var reference in GroupReferences.OrderByDescending(r => r.Length))
        {
            var words = reference.Split(' ');
            if (index + words.Length <= tokens.Count && words.Select((w, k) => tokens[index + k].Text.Equals(w, StringComparison.OrdinalIgnoreCase)).All(x => x))
            {
                var earlier = view.Mentions.Where(m => m.End <= tokens[index].Start && m.Kind == MentionKind.Person && m.Entity != subject?.Entity).ToList();
                if (earlier.Count < 2 && previous is not null)
                {
                    earlier.InsertRange(0, previous.Mentions.Where(m => m.Kind == MentionKind.Person && m.Entity != subject?.Entity));
                }

                return (earlier.DistinctBy(m => m.Entity).TakeLast(words[0] == "them" ? 3 : 2).ToList(), index + words.Length);
            }
        }

        var told = new List<Mention>();
        var i = index;

        // "told about 40 donors", "briefed some 12 lawmakers": a quantity may stand before the people told.
        var skip = index;
        while (skip < tokens.Count && skip - index < 3 && (Quantifiers.Contains(tokens[skip].Text) || tokens[skip].Kind == TokenKind.Number))
        {
            skip++;
        }

        if (skip > index && view.Mentions.Any(m => m.Start == tokens[Math.Min(skip, tokens.Count - 1)].Start))
        {
            i = skip;
        }

        while (i < tokens.Count)
        {
            var mention = view.Mentions.FirstOrDefault(m => m.Start == tokens[i].Start);
            if (mention is null)
            {
                break;
            }

            told.Add(mention);
            i = view.TokenAt(mention.End);
            if (i < tokens.Count && tokens[i].Text is "and" or ",")
            {
                i++;
                continue;
            }

            break;
        }

        return (told, i);
    }

    private static Contract.Span? About(string text, IReadOnlyList<Token> tokens, int index)
    {
        if (index < tokens.Count && tokens[index].Text is "about" or "of" or "that")
        {
            return ClauseFrom(text, tokens, index + 1, stopAtPrepositions: false);
        }

        return null;
    }

    /// <summary>The object after the verb, up to a preposition or punctuation that ends it.</summary>
    private static Contract.Span? ObjectPhrase(string text, IReadOnlyList<Token> tokens, int index) =>
        ClauseFrom(text, tokens, index, stopAtPrepositions: true);

    private static Contract.Span? ClauseFrom(string text, IReadOnlyList<Token> tokens, int index, bool stopAtPrepositions)
    {
        var end = index;
        while (end < tokens.Count)
        {
            var t = tokens[end].Text;
            if (t is "," or ";" or "—" or "–" or ":" or "(" or "\"" or "”" or "“" or "." or "?" or "!")
            {
                break;
            }

            if (stopAtPrepositions && end > index && ClauseStops.Contains(t))
            {
                break;
            }

            end++;
        }

        if (end == index)
        {
            return null;
        }

        var start = tokens[index].Start;
        var stop = tokens[end - 1].End;
        return new Contract.Span(start, stop, text[start..stop]);
    }

    /// <summary>The noun phrase ending just before token <paramref name="index"/> ("British information" in "... in which British information was leaked").</summary>
    private static Contract.Span? NounPhraseBefore(string text, IReadOnlyList<Token> tokens, int index)
    {
        var start = index;
        while (start > 0 && index - start < 6)
        {
            var t = tokens[start - 1].Text;
            if (!t.Any(char.IsLetterOrDigit) || t is "which" or "that" or "who" or "and" or "but" or "when" or "after" or "because" or "the" or "a" or "an" || Be.Contains(t) || Modals.Contains(t))
            {
                break;
            }

            start--;
        }

        if (start == index)
        {
            return null;
        }

        var s = tokens[start].Start;
        var e = tokens[index - 1].End;
        return new Contract.Span(s, e, text[s..e]);
    }

    /// <summary>
    /// The nearest phrase before token <paramref name="index"/> that names information ("confidential diplomatic
    /// cables" in "cables in which the ambassador described ... were leaked").
    /// </summary>
    private Contract.Span? InformationBefore(string text, SentenceView view, int index)
    {
        var tokens = view.Tokens;
        for (var i = index - 1; i >= 0; i--)
        {
            var inActor = view.Mentions.Any(m => m.Start <= tokens[i].Start && tokens[i].End <= m.End);
            if (!inActor && _informationNouns.Contains(tokens[i].Text.ToLowerInvariant()))
            {
                return NounPhraseBefore(text, tokens, i + 1);
            }
        }

        return null;
    }

    private static Mention? MentionAfterWord(SentenceView view, int from, string word) => MentionsAfterWord(view, from, word).FirstOrDefault();

    /// <summary>The actors that follow <paramref name="word"/> after token <paramref name="from"/> in the same clause ("to X and Y").</summary>
    private static List<Mention> MentionsAfterWord(SentenceView view, int from, string word)
    {
        var tokens = view.Tokens;
        for (var i = from; i < tokens.Count; i++)
        {
            var t = tokens[i].Text;
            if (t is ";" or "—" or "–" or "." || (t == "," && i + 1 < tokens.Count && tokens[i + 1].Text is "who" or "which" or "but" or "and"))
            {
                return [];
            }

            if (!t.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var found = new List<Mention>();
            var j = i + 1;

            // "to the political editor of the Daily Beacon": a short description may stand before the actor.
            var first = view.Mentions.FirstOrDefault(m => m.Start >= tokens[Math.Min(j, tokens.Count - 1)].Start);
            if (first is not null && j < tokens.Count && view.Mentions.All(m => m.Start != tokens[j].Start))
            {
                var gap = view.TokenAt(first.Start) - j;
                var plain = Enumerable.Range(j, Math.Max(0, gap)).All(k => tokens[k].Text.All(c => char.IsLetter(c) || c == '-'));
                if (gap is > 0 and <= 6 && plain)
                {
                    j = view.TokenAt(first.Start);
                }
            }

            while (j < tokens.Count)
            {
                var start = tokens[j].Start;
                var mention = view.Mentions.FirstOrDefault(m => m.Start == start || (tokens[j].Text is "the" && j + 1 < tokens.Count && m.Start == tokens[j + 1].Start));
                if (mention is null)
                {
                    break;
                }

                // "a reporter at the Echo", "the political editor of the Beacon": the outlet is the recipient.
                var next = view.TokenAt(mention.End);
                if (mention.Kind == MentionKind.Unnamed && next + 1 < tokens.Count && tokens[next].Text is "at" or "of" or "for" or "from"
                    && view.Mentions.FirstOrDefault(m => m.Entity?.Kind == MentionKind.Outlet && m.Start >= tokens[next + 1].Start && m.Start <= tokens[Math.Min(next + 2, tokens.Count - 1)].Start) is { } outlet)
                {
                    mention = outlet;
                }

                found.Add(mention);
                j = view.TokenAt(mention.End);
                if (j < tokens.Count && tokens[j].Text is "and" or ",")
                {
                    j++;
                    continue;
                }

                break;
            }

            return found;
        }

        return [];
    }

    private static int PreviousWord(IReadOnlyList<Token> tokens, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var t = tokens[i].Text;
            if (t.EndsWith("ly", StringComparison.OrdinalIgnoreCase) || t is "also" or "then" or "later" or "never" or "not" or "allegedly" or "reportedly")
            {
                continue;
            }

            return i;
        }

        return -1;
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
