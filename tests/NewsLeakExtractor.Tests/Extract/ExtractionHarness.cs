using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Assemble;
using NewsLeakExtractor.Classify;
using NewsLeakExtractor.Cli;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Extract;
using NewsLeakExtractor.Extract.Disclosure;
using NewsLeakExtractor.Extract.Mentions;
using NewsLeakExtractor.Extract.Reactions;
using NewsLeakExtractor.Extract.Sources;
using NewsLeakExtractor.Extract.Time;
using NewsLeakExtractor.Pipeline;
using NewsLeakExtractor.Text;
using Xunit;

namespace NewsLeakExtractor.Tests.Extract;

/// <summary>
/// The extraction tests run one after another: they share one composed pipeline (the ML.NET model is loaded once)
/// and none of them is slow enough to be worth running in parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ExtractionCollection
{
    public const string Name = "extraction";
}

/// <summary>One text analysed the way <see cref="LeakEventExtractor.Extract"/> analyses it, stage by stage.</summary>
internal sealed record AnalysedText(string Text, IReadOnlyList<SentenceView> Views)
{
    public IEnumerable<Mention> Mentions => Views.SelectMany(v => v.Mentions);

    /// <summary>The mention that overlaps the first occurrence of <paramref name="surface"/> the most.</summary>
    public Mention MentionAt(string surface)
    {
        var at = Text.IndexOf(surface, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{surface}' is not in the text");
        var end = at + surface.Length;
        var found = Mentions
            .Select(m => (Mention: m, Overlap: Math.Min(end, m.End) - Math.Max(at, m.Start)))
            .Where(x => x.Overlap > 0)
            .OrderByDescending(x => x.Overlap)
            .Select(x => x.Mention)
            .FirstOrDefault();
        Assert.True(found is not null, $"no mention at '{surface}'; mentions: {Describe(Mentions)}");
        return found!;
    }

    public static string Describe(IEnumerable<Mention> mentions) =>
        string.Join("; ", mentions.Select(m => $"'{m.Text}' {m.Kind} name={m.Name} role={m.Role} aff={m.Affiliation} -> {m.Entity?.Name}"));
}

/// <summary>
/// The composed pipeline (<see cref="Composition.BuildPipelineServices"/>) and helpers that run its extraction stages
/// on a short text exactly as <see cref="LeakEventExtractor.Extract"/> does: sentences and tokens, the classifier on
/// the sentences with a leak word only, mentions and coreference, then the sentence-level finders.
/// </summary>
internal static class ExtractionHarness
{
    public const string Url = "https://example.test/news/story";

    /// <summary>A Friday: "on Monday" is 2024-03-11, "two weeks ago" 2024-03-01, "last month" 2024-02.</summary>
    public const string PublishedAt = "2024-03-15T12:00:00Z";

    private static readonly Lazy<ServiceProvider> SharedServices = new(Composition.BuildPipelineServices, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly SentenceRoleScores NotAboutLeak = new(SentenceRole.Other, new Dictionary<string, double> { [SentenceRole.Other] = 1.0 });

    public static IServiceProvider Services => SharedServices.Value;

    public static T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static ArticleRecord Article(string text, string? publishedAt = PublishedAt, string url = Url) =>
        new(url, url, "A test story", null, null, publishedAt, "en", text);

    /// <summary>The events <see cref="LeakEventExtractor"/> gives for <paramref name="text"/> as an article.</summary>
    public static IReadOnlyList<LeakEvent> Events(string text, string? publishedAt = PublishedAt) => Get<LeakEventExtractor>().Extract(Article(text, publishedAt));

    /// <summary>Sentences, tokens, role scores and resolved mentions, built as <see cref="LeakEventExtractor.Extract"/> builds them.</summary>
    public static AnalysedText Analyse(string text)
    {
        var lexicons = Get<LeakLexicons>();
        var leakWords = lexicons.LeakVerbs.Where(v => v.Value != "tell").Select(v => v.Key.Split(' ')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var sentences = SentenceSplitter.Split(text);
        var tokens = sentences.Select(s => Tokenizer.Tokenize(text, s.Start, s.End)).ToList();
        var candidates = Enumerable.Range(0, sentences.Count).Where(i => tokens[i].Any(t => leakWords.Contains(t.Text))).ToList();
        var roles = new SentenceRoleScores[sentences.Count];
        Array.Fill(roles, NotAboutLeak);
        if (candidates.Count > 0)
        {
            var scored = Get<SentenceClassifier>().Classify(candidates.Select(i => sentences[i].Text).ToList());
            for (var k = 0; k < candidates.Count; k++)
            {
                roles[candidates[k]] = scored[k];
            }
        }

        var finder = Get<MentionFinder>();
        var raw = sentences.SelectMany((s, i) => finder.Find(text, s, tokens[i])).ToList();
        var mentions = Get<EntityResolver>().Resolve(text, raw).ToLookup(m => m.Sentence);
        var views = sentences.Select((s, i) => new SentenceView(s, tokens[i], mentions[s.Index].ToList(), roles[i])).ToList();
        return new AnalysedText(text, views);
    }

    public static IReadOnlyList<DisclosureFinding> Disclosures(string text) => Disclosures(Analyse(text));

    public static IReadOnlyList<DisclosureFinding> Disclosures(AnalysedText analysed)
    {
        var finder = Get<DisclosureFinder>();
        var views = analysed.Views;
        return views.SelectMany((v, i) => finder.Find(analysed.Text, v, i > 0 ? views[i - 1] : null)).ToList();
    }

    public static IReadOnlyList<SourceCitation> Citations(string text)
    {
        var analysed = Analyse(text);
        var finder = Get<ReportingSourceFinder>();
        return analysed.Views.SelectMany(v => finder.Find(text, v)).ToList();
    }

    public static IReadOnlyList<ReactionFinding> Reactions(string text)
    {
        var analysed = Analyse(text);
        return Get<ReactionFinder>().Find(text, analysed.Views, QuotationFinder.Find(text));
    }

    /// <summary>All stages by hand, through <see cref="EventAssembler"/>: what the extractor gives when there is a disclosure.</summary>
    public static IReadOnlyList<LeakEvent> AssembleByHand(ArticleRecord article)
    {
        var analysed = Analyse(article.Text);
        var disclosures = Disclosures(analysed);
        var citations = analysed.Views.SelectMany(v => Get<ReportingSourceFinder>().Find(article.Text, v)).ToList();
        var reactions = Get<ReactionFinder>().Find(article.Text, analysed.Views, QuotationFinder.Find(article.Text));
        return Get<EventAssembler>().Assemble(article, analysed.Views, disclosures, citations, reactions);
    }

    public static TimeReference? Time(string sentence, string? publishedAt = PublishedAt) => Get<RelativeTimeResolver>().Find(sentence, publishedAt);

    /// <summary>Every span of every event: evidence, disclosed information, reporting sources and reactions.</summary>
    public static IEnumerable<(string Where, Span Span)> Spans(LeakEvent leak)
    {
        foreach (var span in leak.Evidence)
        {
            yield return ("evidence", span);
        }

        foreach (var info in leak.DisclosedInformation)
        {
            yield return ("disclosedInformation.evidence", info.Evidence);
        }

        foreach (var source in leak.ReportingSources)
        {
            yield return ("reportingSources.evidence", source.Evidence);
        }

        foreach (var reaction in leak.Reactions)
        {
            yield return ("reactions.evidence", reaction.Evidence);
        }
    }

    /// <summary>Asserts that every span of every event indexes the article text exactly: text[Start..End] == Text.</summary>
    public static void AssertSpansIndexText(ArticleRecord article, IEnumerable<LeakEvent> events, string label = "")
    {
        var text = article.Text;
        foreach (var leak in events)
        {
            foreach (var (where, span) in Spans(leak))
            {
                Assert.True(span.Start >= 0 && span.Start <= span.End && span.End <= text.Length, $"{label} {leak.Id} {where} [{span.Start},{span.End}) is outside a text of {text.Length} characters");
                Assert.True(text[span.Start..span.End] == span.Text, $"{label} {leak.Id} {where} [{span.Start},{span.End}) is '{text[span.Start..span.End]}', not '{span.Text}'");
            }
        }
    }

    /// <summary>A one-line account of events, for assertion messages.</summary>
    public static string Describe(IEnumerable<LeakEvent> events) =>
        string.Join(" || ", events.Select(e =>
            $"{e.Summary} [leakers: {string.Join(", ", e.Leakers.Select(a => a.Name))}; recipients: {string.Join(", ", e.Recipients.Select(a => a.Name))}; " +
            $"info: {string.Join(", ", e.DisclosedInformation.Select(d => d.Text))}; evidence: {e.Evidence.Count}]"));

    public static string Describe(IEnumerable<DisclosureFinding> findings) =>
        string.Join(" || ", findings.Select(d =>
            $"{d.Frame} '{d.Verb}' leaker={d.Leaker?.Entity?.Name ?? d.Leaker?.Text} recipients=[{string.Join(", ", d.Recipients.Select(r => r.Entity?.Name ?? r.Text))}] info='{d.Information?.Text}' strength={d.Strength:F2}"));

    /// <summary>Runs one input through the shared pipeline with the time limit of <see cref="Support.Pipelines"/>.</summary>
    public static Task<PipelineOutcome> RunAsync(string input) => Support.Pipelines.RunAsync(Get<ArticlePipeline>(), input);

    /// <summary>Name matching as <c>shared/eval/score.py</c> does it: normalised equality or whole-word containment.</summary>
    public static bool NameMatches(string predicted, IEnumerable<string> aliases)
    {
        var p = Normalise(predicted);
        if (p.Length == 0)
        {
            return false;
        }

        foreach (var alias in aliases)
        {
            var n = Normalise(alias);
            if (n.Length == 0)
            {
                continue;
            }

            if (p == n)
            {
                return true;
            }

            if (GenericNames.Contains(p) || GenericNames.Contains(n))
            {
                continue;
            }

            if ($" {p} ".Contains($" {n} ", StringComparison.Ordinal) && n.Length >= 3)
            {
                return true;
            }

            if ($" {n} ".Contains($" {p} ", StringComparison.Ordinal) && p.Length >= 4)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> GenericNames = new(StringComparer.Ordinal)
    {
        "official", "officials", "source", "sources", "media", "government", "administration",
        "he", "she", "they", "it", "we", "i", "you", "country", "the country", "people", "person",
        "report", "reports", "someone", "spokesman", "spokeswoman", "spokesperson",
    };

    private static string Normalise(string name)
    {
        var s = name.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'');
        s = System.Text.RegularExpressions.Regex.Replace(s, @"'s\b", string.Empty);
        s = System.Text.RegularExpressions.Regex.Replace(s.Replace(".", string.Empty, StringComparison.Ordinal), "[^a-z0-9 ]+", " ");
        s = System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();
        return s.StartsWith("the ", StringComparison.Ordinal) ? s[4..] : s;
    }
}
