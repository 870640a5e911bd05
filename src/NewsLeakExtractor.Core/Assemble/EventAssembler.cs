using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NewsLeakExtractor.Classify;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Extract;
using NewsLeakExtractor.Extract.Disclosure;
using NewsLeakExtractor.Extract.Mentions;
using NewsLeakExtractor.Extract.Reactions;
using NewsLeakExtractor.Extract.Sources;
using NewsLeakExtractor.Extract.Time;

namespace NewsLeakExtractor.Assemble;

/// <summary>
/// Turns an article's findings into leak events: sentences about one disclosure become one event (same leaker
/// and compatible recipients), distinct disclosures distinct events; sources and reactions attach to the event
/// whose stretch of the article they sit in; each event gets a stable id, a confidence and a resolved date.
/// </summary>
public sealed partial class EventAssembler
{
    /// <summary>Findings weaker than this are not enough to report a leak (see the false-alarm counts in the README).</summary>
    public const double MinStrength = 0.75;

    private readonly LeakLexicons _lexicons;
    private readonly RelativeTimeResolver _time;

    private readonly HashSet<string> _contextWords;

    public EventAssembler(LeakLexicons lexicons, RelativeTimeResolver time)
    {
        _lexicons = lexicons;
        _time = time;
        _contextWords = Text.Lexicon.Set("lexicons/leak-context-words.txt");
    }

    public IReadOnlyList<LeakEvent> Assemble(
        ArticleRecord article,
        IReadOnlyList<SentenceView> sentences,
        IReadOnlyList<DisclosureFinding> disclosures,
        IReadOnlyList<SourceCitation> citations,
        IReadOnlyList<ReactionFinding> reactions)
    {
        var drafts = new List<List<DisclosureFinding>>();
        foreach (var finding in disclosures.Where(d => IsReportable(d, sentences)).OrderBy(d => d.Sentence.Index))
        {
            var home = drafts.FirstOrDefault(d => SameDisclosure(d, finding));
            if (home is null)
            {
                drafts.Add([finding]);
            }
            else
            {
                home.Add(finding);
            }
        }

        // An event's stretch of the article starts with the paragraph of its first evidence: the sentences that
        // set up a disclosure ("British police refrained from naming a suspect") belong to it.
        var firsts = drafts.Select(d => ParagraphStart(sentences, d[0].Sentence.Index)).ToList();
        var events = new List<LeakEvent>();
        var leakersOf = drafts.Select(d => d.Where(f => f.Leaker?.Entity is not null).Select(f => f.Leaker!.Entity!).ToHashSet()).ToList();
        for (var e = 0; e < drafts.Count; e++)
        {
            var from = firsts[e];
            var to = firsts.Where(f => f > from).DefaultIfEmpty(int.MaxValue).Min();

            // The leaker of another disclosure in the same article speaks about that one, not this one.
            var others = leakersOf.Where((_, k) => k != e).SelectMany(l => l).Except(leakersOf[e]).ToHashSet();
            var own = reactions.Where(r => r.Sentence.Index >= from && r.Sentence.Index < to && (r.Actor.Entity is null || !others.Contains(r.Actor.Entity)));
            events.Add(Build(article, sentences, drafts[e], citations.Where(c => c.Sentence.Index >= from && c.Sentence.Index < to), own));
        }

        return events;
    }

    /// <summary>
    /// A disclosure pattern reports a leak only in a leak's context: a verb that means leaking, the classifier's
    /// verdict, or words of secrecy and leaking (leak, whistleblower, classified, confidential) next to it.
    /// Without this, "the coach gave the players a day off" would be a disclosure.
    /// </summary>
    /// <summary>Strong enough, and in a leak's context, to be reported as (part of) a leak event.</summary>
    public bool IsReportable(DisclosureFinding finding, IReadOnlyList<SentenceView> sentences) =>
        finding.Strength >= MinStrength && InLeakContext(finding, sentences);

    private bool InLeakContext(DisclosureFinding finding, IReadOnlyList<SentenceView> sentences)
    {
        if (finding.StrongVerb)
        {
            return true;
        }

        bool Secrecy(SentenceView s) => s.Tokens.Any(t => _contextWords.Contains(t.Text));
        var index = finding.Sentence.Index;
        if (Secrecy(finding.Sentence))
        {
            return true;
        }

        // The classifier's confident verdict counts when the object names information and it went somewhere
        // (a recipient) or was marked as protected ("internal emails"); the article around it will still have
        // used a word of leaking or secrecy somewhere (LeakEventExtractor checks that first).
        if (finding.Sentence.Roles[SentenceRole.Disclosure] >= 0.75 && finding.NamesInformation && (finding.Recipients.Count > 0 || finding.Classified))
        {
            return true;
        }

        // Publishing and posting are what everyone does online: only secrecy in the same sentence makes it a leak.
        // For other verbs a neighbouring sentence may carry it, when the object or the classifier agrees.
        return finding.Frame != "publish"
            && sentences.Where(s => Math.Abs(s.Index - index) == 1).Any(Secrecy)
            && (finding.NamesInformation || finding.Sentence.Roles.Role == SentenceRole.Disclosure);
    }

    private static int ParagraphStart(IReadOnlyList<SentenceView> sentences, int index)
    {
        var paragraph = sentences[index].Sentence.Paragraph;
        while (index > 0 && sentences[index - 1].Sentence.Paragraph == paragraph)
        {
            index--;
        }

        return index;
    }

    /// <summary>
    /// Two findings tell of one disclosure when nothing contradicts it and something ties them: the same leaker,
    /// the same recipient, or, when neither side is named, neighbouring sentences.
    /// </summary>
    private static bool SameDisclosure(List<DisclosureFinding> draft, DisclosureFinding finding)
    {
        var leakers = draft.Where(d => d.Leaker?.Entity is not null).Select(d => d.Leaker!.Entity!).ToHashSet();
        var recipients = draft.SelectMany(d => d.Recipients).Where(r => r.Entity is not null).Select(r => r.Entity!).ToList();

        bool? sameLeaker = finding.Leaker?.Entity is { } leaker && leakers.Count > 0 ? leakers.Contains(leaker) : null;
        bool? sameRecipient = finding.Recipients.Count > 0 && recipients.Count > 0
            ? finding.Recipients.Any(r => r.Entity is { } entity && recipients.Any(known => known == entity || Related(known, entity)))
            : null;

        // "journalists" and the outlet they work for do not contradict each other.
        if (sameRecipient == false && (finding.Recipients.Any(r => r.Entity is { } e && IsPress(e)) || recipients.Any(IsPress)))
        {
            sameRecipient = null;
        }

        // One account names the leaker, another does not: the same information makes them one disclosure.
        if (sameLeaker is null && SameInformation(draft, finding))
        {
            return sameRecipient != false;
        }

        // Descriptions of one group vary ("two of its officers", "two detective constables"): unnamed leakers
        // close together, or the same kind of information, are the same disclosure.
        var describedAlike = finding.Leaker?.Entity?.Kind == MentionKind.Unnamed && leakers.All(l => l.Kind == MentionKind.Unnamed)
            && finding.Sentence.Index - draft[^1].Sentence.Index <= 5;
        if (sameLeaker == false && (describedAlike || SameInformation(draft, finding)) && sameRecipient != false)
        {
            sameLeaker = true;
        }

        return (sameLeaker, sameRecipient) switch
        {
            (true, not false) => true,
            (null, true) => true,
            (null, null) => finding.Sentence.Index - draft[^1].Sentence.Index <= 2,
            _ => false,
        };
    }

    private static readonly HashSet<string> PressWords = Text.Lexicon.Set("lexicons/press-words.txt");

    /// <summary>An outlet, or an unnamed recipient from the press ("journalists", "a national newspaper").</summary>
    private static bool IsPress(Entity recipient) =>
        recipient.Kind == MentionKind.Outlet || (recipient.Kind == MentionKind.Unnamed && PressWords.Contains(recipient.Name.Split(' ')[^1]));

    /// <summary>The same last word of the disclosed information ("the suspect's name" / "Mr Whitlock's name").</summary>
    private static bool SameInformation(List<DisclosureFinding> draft, DisclosureFinding finding)
    {
        static string? Head(DisclosureFinding f) => f.Information?.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant();
        var head = Head(finding);
        return head is not null && finding.NamesInformation && draft.Any(d => Head(d) == head && finding.Sentence.Index - d.Sentence.Index <= 5);
    }

    /// <summary>Russia and Russia's foreign minister are the same side of a disclosure.</summary>
    private static bool Related(Entity a, Entity b) =>
        (a.Affiliation is not null && (a.Affiliation == b.Affiliation || a.Affiliation == b.Name)) || (b.Affiliation is not null && b.Affiliation == a.Name);

    private LeakEvent Build(ArticleRecord article, IReadOnlyList<SentenceView> sentences, List<DisclosureFinding> findings, IEnumerable<SourceCitation> citations, IEnumerable<ReactionFinding> reactions)
    {
        var text = article.Text;
        var evidenceSentences = findings.Select(f => f.Sentence).DistinctBy(s => s.Index).OrderBy(s => s.Index).ToList();
        var leakers = Actors(findings.Select(f => f.Leaker));
        var recipients = Actors(findings.SelectMany(f => f.Recipients)).Where(r => !leakers.Contains(r)).ToList();
        var owners = Actors(findings.SelectMany(f => f.Owners).Concat(OwnersInContext(text, sentences, evidenceSentences)))
            .Concat(findings.SelectMany(f => f.OwnerNames).Select(name => new Entity(name, MentionKind.Country, null, name)))
            .DistinctBy(o => o.Name)
            .Where(o => !leakers.Any(l => l.Name == o.Name) && !recipients.Any(r => r.Name == o.Name))
            .ToList();

        var disclosed = findings.Where(f => f.Information is not null)
            .Select(f => new DisclosedInformation(f.Information!.Text, ClassificationOf(f.Information.Text) ?? ClassificationOf(f.Sentence.Text), f.Information))
            .DistinctBy(d => d.Text)
            .ToList();

        var context = evidenceSentences.SelectMany(s => sentences.Where(v => v.Index >= s.Index - 1 && v.Index <= s.Index)).DistinctBy(s => s.Index).ToList();
        var channel = context.Select(s => LookUp(_lexicons.Channels, s.Text)).FirstOrDefault(c => c is not null);
        var location = evidenceSentences.Select(s => Location().Match(s.Text)).FirstOrDefault(m => m.Success)?.Groups["place"].Value;
        var time = evidenceSentences.Select(s => _time.Find(s.Text, article.PublishedAt)).FirstOrDefault(t => t is not null);

        var sources = citations.GroupBy(c => c.Outlet.Entity).Select(g => g.First())
            .Select(c => new ReportingSource(c.Outlet.Entity!.Name, c.Cue, c.Sentence.ToSpan())).ToList();
        // The leaker's own act, told in an evidence sentence, is the disclosure, not a reaction to it; and what is
        // done to the leaker ("was arrested", "was suspended") is someone else's reaction, not the leaker's.
        var evidenceIndexes = evidenceSentences.Select(s => s.Index).ToHashSet();
        var reactionRecords = reactions
            .Where(r => r.Actor.Entity is not null && !(leakers.Contains(r.Actor.Entity) && evidenceIndexes.Contains(r.Sentence.Index)))
            .Where(r => Identifiable(r.Actor.Entity!))
            .Where(r => !(leakers.Contains(r.Actor.Entity!) && r.Kind is not ("statement" or "denial" or "apology")))
            .DistinctBy(r => (r.Actor.Entity, r.Kind, r.Evidence.Start))
            .Select(r => new Reaction(r.Actor.Entity!.ToActor(), r.Kind, r.Text, r.Quote, r.Evidence))
            .ToList();

        var leakerNames = leakers.Count == 0 ? "An unknown leaker" : string.Join(" and ", leakers.Select(l => l.Name));
        var summary = $"{leakerNames} disclosed {disclosed.FirstOrDefault()?.Text ?? "information"}" + (recipients.Count > 0 ? $" to {string.Join(" and ", recipients.Select(r => r.Name))}" : string.Empty);
        var confidence = Math.Round(Math.Min(1, findings.Max(f => f.Strength) * (0.85 + (0.05 * Math.Min(3, findings.Count - 1)) + (sources.Count > 0 ? 0.05 : 0))), 3);

        return new LeakEvent(
            StableId(article, leakers, evidenceSentences[0].Text),
            summary,
            leakers.Select(a => a.ToActor()).ToList(),
            recipients.Select(a => a.ToActor()).ToList(),
            owners.Select(a => a.ToActor()).ToList(),
            disclosed,
            channel,
            location,
            time?.Date,
            time?.Text,
            sources,
            reactionRecords,
            evidenceSentences.Select(s => s.ToSpan()).ToList(),
            confidence);
    }

    /// <summary>
    /// A reactor a reader can tell apart: named, or described with a nationality, body or proper word
    /// ("Israeli officials", "a Belgian counterterrorism official"); "a spokesman" or "analysts" alone are not.
    /// </summary>
    private static bool Identifiable(Entity actor) =>
        actor.Kind != MentionKind.Unnamed || actor.Affiliation is not null || actor.Name.Split(' ').Any(w => w.Length > 0 && char.IsUpper(w[0]));

    private static List<Entity> Actors(IEnumerable<Mention?> mentions) =>
        mentions.Where(m => m?.Entity is not null).Select(m => m!.Entity!).Distinct().ToList();

    /// <summary>"That information ... came from Israel": owners named in or right after the evidence sentences.</summary>
    private static IEnumerable<Mention> OwnersInContext(string text, IReadOnlyList<SentenceView> sentences, List<SentenceView> evidence)
    {
        foreach (var sentence in evidence.SelectMany(s => sentences.Where(v => v.Index == s.Index || v.Index == s.Index + 1)).DistinctBy(s => s.Index))
        {
            foreach (Match match in OwnerCue().Matches(sentence.Text))
            {
                var at = sentence.Start + match.Index + match.Length;
                var owner = sentence.Mentions.FirstOrDefault(m => m.Start >= at && m.Start <= at + 5 && m.Kind is MentionKind.Country or MentionKind.Organization or MentionKind.Group or MentionKind.Unnamed);
                if (owner is not null)
                {
                    yield return owner;
                }
            }
        }
    }

    private string? ClassificationOf(string text) => LookUp(_lexicons.Classifications, text);

    /// <summary>The value of the longest lexicon phrase that occurs in <paramref name="text"/> as whole words.</summary>
    private static string? LookUp(IReadOnlyDictionary<string, string> lexicon, string text)
    {
        var lower = " " + NonWord().Replace(text.ToLowerInvariant(), " ") + " ";
        return lexicon.Where(pair => lower.Contains(" " + pair.Key.ToLowerInvariant() + " ", StringComparison.Ordinal))
            .OrderByDescending(pair => pair.Key.Length)
            .Select(pair => pair.Value)
            .FirstOrDefault();
    }

    private static string StableId(ArticleRecord article, List<Entity> leakers, string firstEvidence)
    {
        var key = $"{article.CanonicalUrl}|{string.Join(",", leakers.Select(l => l.Name).Order(StringComparer.Ordinal))}|{firstEvidence}";
        return "ev_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8).ToLowerInvariant();
    }

    [GeneratedRegex(@"\b(came|comes|come|originated|originating|provided|supplied|gathered|collected|obtained|belonging|belonged)\s+(from|by|to|with)\s+(the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex OwnerCue();

    [GeneratedRegex(@"\b(in|at|inside) the (?<place>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,3})")]
    private static partial Regex Location();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
