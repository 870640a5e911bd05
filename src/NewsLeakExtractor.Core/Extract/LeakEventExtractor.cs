using NewsLeakExtractor.Assemble;
using NewsLeakExtractor.Classify;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Extract.Disclosure;
using NewsLeakExtractor.Extract.Mentions;
using NewsLeakExtractor.Extract.Reactions;
using NewsLeakExtractor.Extract.Sources;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Extract;

/// <summary>
/// The extraction stages for one cleaned article: sentences and tokens, sentence roles (ML.NET), actors and
/// coreference, disclosures, reporting sources and reactions, then assembly into leak events.
/// </summary>
public sealed class LeakEventExtractor
{
    private readonly SentenceClassifier _classifier;
    private readonly MentionFinder _mentions;
    private readonly EntityResolver _resolver;
    private readonly DisclosureFinder _disclosures;
    private readonly ReportingSourceFinder _sources;
    private readonly ReactionFinder _reactions;
    private readonly EventAssembler _assembler;
    private readonly HashSet<string> _pastDisclosureVerbs;
    private readonly System.Buffers.SearchValues<string> _gateWords;
    private readonly HashSet<string> _secrecyWords = Lexicon.Set("lexicons/leak-context-words.txt").Concat(Lexicon.Lines("lexicons/strong-leak-verbs.txt")).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public LeakEventExtractor(
        LeakLexicons lexicons,
        SentenceClassifier classifier,
        MentionFinder mentions,
        EntityResolver resolver,
        DisclosureFinder disclosures,
        ReportingSourceFinder sources,
        ReactionFinder reactions,
        EventAssembler assembler)
    {
        _classifier = classifier;
        _mentions = mentions;
        _resolver = resolver;
        _disclosures = disclosures;
        _sources = sources;
        _reactions = reactions;
        _assembler = assembler;

        _pastDisclosureVerbs = lexicons.LeakVerbs.Where(v => v.Value == "give" && !v.Key.Contains(' ', StringComparison.Ordinal) && v.Key.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
            .Select(v => v.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _gateWords = System.Buffers.SearchValues.Create(
            _secrecyWords.Concat(_pastDisclosureVerbs.SelectMany(v => new[] { v + " to ", v + " with " })).ToArray(),
            StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A plain statement counts as a reaction when the classifier reads its sentence as one (or as part of the
    /// leak's telling), or when its words are about leaking or secrecy; a quoted expert talking background does not.
    /// Denials, condemnations, investigations and the other named kinds always count.
    /// </summary>
    private bool IsAboutTheLeak(ReactionFinding reaction)
    {
        if (reaction.Kind != "statement")
        {
            return true;
        }

        var role = reaction.Sentence.Roles.Role;
        return role is SentenceRole.Reaction or SentenceRole.Disclosure or SentenceRole.Attribution
            || Tokenizer.Tokenize(reaction.Text).Any(t => _secrecyWords.Contains(t.Text));
    }

    /// <summary>
    /// The gate below, read straight off the text before any splitting: a word of leaking or secrecy, or a
    /// past-tense disclosure verb followed by "to" or "with", as a whole word.
    /// </summary>
    private bool MentionsLeakWords(string text)
    {
        var span = text.AsSpan();
        var from = 0;
        while (from < span.Length)
        {
            var hit = span[from..].IndexOfAny(_gateWords);
            if (hit < 0)
            {
                return false;
            }

            var at = from + hit;
            from = at + 1;
            if (at > 0 && char.IsLetter(span[at - 1]))
            {
                continue; // inside a longer word
            }

            var end = at;
            while (end < span.Length && (char.IsLetter(span[end]) || span[end] == '-'))
            {
                end++;
            }

            var word = span[at..end].ToString();
            if (_secrecyWords.Contains(word))
            {
                return true;
            }

            var next = span[end..].TrimStart();
            if (_pastDisclosureVerbs.Contains(word) && (next.StartsWith("to ", StringComparison.OrdinalIgnoreCase) || next.StartsWith("with ", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A past-tense disclosure verb followed by "to" or "with": "provided to", "passed to", "shared with".</summary>
    private bool HandsSomethingOn(IReadOnlyList<Token> sentence)
    {
        for (var i = 0; i + 1 < sentence.Count; i++)
        {
            if (sentence[i + 1].Text is "to" or "with" && _pastDisclosureVerbs.Contains(sentence[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A version string for the extractors and model behind a record.</summary>
    public string Version => $"rules-1/{_classifier.Version}";

    public string ModelVersion => _classifier.Version;

    public IReadOnlyList<LeakEvent> Extract(ArticleRecord article)
    {
        var text = article.Text;
        if (!MentionsLeakWords(text))
        {
            return [];
        }

        var sentences = SentenceSplitter.Split(text);
        var tokens = sentences.Select(s => Tokenizer.Tokenize(text, s.Start, s.End)).ToList();
        // An article that never uses a word of leaking or secrecy, nor hands something to someone in a past-tense
        // disclosure verb ("documents provided to the paper"), reports no leak: most news stops here, before any
        // costly step (EventAssembler.IsReportable then decides on what remains).
        if (!tokens.Any(sentence => sentence.Any(t => _secrecyWords.Contains(t.Text))) && !tokens.Any(HandsSomethingOn))
        {
            return [];
        }

        var candidates = Enumerable.Range(0, sentences.Count).Where(i => _disclosures.MayDisclose(tokens[i])).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        // The classifier runs only where a disclosure could be; other sentences count as not about a leak.
        var scored = _classifier.Classify(candidates.Select(i => sentences[i].Text).ToList());
        var roles = new SentenceRoleScores[sentences.Count];
        Array.Fill(roles, NotAboutLeak);
        for (var k = 0; k < candidates.Count; k++)
        {
            roles[candidates[k]] = scored[k];
        }

        var raw = sentences.SelectMany((s, i) => _mentions.Find(text, s, tokens[i])).ToList();
        var mentions = _resolver.Resolve(text, raw).ToLookup(m => m.Sentence);
        var views = sentences.Select((s, i) => new SentenceView(s, tokens[i], mentions[s.Index].ToList(), roles[i])).ToList();

        var disclosures = views.SelectMany((v, i) => _disclosures.Find(text, v, i > 0 ? views[i - 1] : null))
            .Where(d => _assembler.IsReportable(d, views))
            .ToList();
        if (disclosures.Count == 0)
        {
            return [];
        }

        // A leak article: the remaining sentences are worth a reading too, so reactions can be told from background.
        var unread = Enumerable.Range(0, sentences.Count).Except(candidates).ToList();
        var more = _classifier.Classify(unread.Select(i => sentences[i].Text).ToList());
        for (var k = 0; k < unread.Count; k++)
        {
            views[unread[k]] = views[unread[k]] with { Roles = more[k] };
        }

        var citations = views.SelectMany(v => _sources.Find(text, v)).ToList();
        var reactions = _reactions.Find(text, views, QuotationFinder.Find(text))
            .Where(r => IsAboutTheLeak(r))
            .ToList();
        return _assembler.Assemble(article, views, disclosures, citations, reactions);
    }

    private static readonly SentenceRoleScores NotAboutLeak = new(SentenceRole.Other, new Dictionary<string, double> { [SentenceRole.Other] = 1.0 });
}
