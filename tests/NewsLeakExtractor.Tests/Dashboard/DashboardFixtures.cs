using System.Globalization;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Tests.Dashboard;

/// <summary>
/// Invented articles and their events, written for the dashboard tests and stored directly (no fetching): every span
/// is found in the article's own text, so the evidence highlighting can be checked against exact offsets.
/// </summary>
internal static class DashboardFixtures
{
    public const string ExtractorVersion = "test-extractor-1";

    public const string ModelVersion = "test-model-1";

    /// <summary>Markup planted in a title, a summary, a name and a quote: it must come out as text.</summary>
    public const string ScriptTitle = "<script>window.__xss=1;alert(1)</script> Harbour memo row";

    public const string ImageSummary = "Clerk <img src=x onerror=\"window.__xss=2\"> leaked the harbour memo to the Lantern Weekly";

    public const string BoldLeaker = "<b>Odo Pike</b>";

    public const string QuoteMarkup = "<iframe src=\"/hangfire\"></iframe> We deplore this";

    public const string InjectedEventId = "evt-injected";

    private static readonly string[] Leakers = ["Nadia Orlov", "Bram Keller", "Ines Variga", "Tomas Feld", "Lena Quist", "Otto Brandvik"];

    private static readonly string[] Recipients = ["the Evening Lantern", "the Riverside Herald", "the Granite Post"];

    private static readonly string[] Owners = ["the Harbour Ministry", "the Tunnel Authority", "the Census Office"];

    private static readonly string[] Reporters = ["the Coastal Post", "the Upland Mirror"];

    private static readonly string[] Documents = ["a shipping audit", "tunnel inspection notes", "draft census figures", "a tender shortlist"];

    private static readonly string[] Classifications = ["classified", "confidential", "secret"];

    private static readonly string[] Reactors = ["Minister Ravi Tamm", "Director Ulla Sand"];

    public static DateOnly Day(int n) => new DateOnly(2026, 3, 1).AddDays(n % 90);

    public static string LeakerOf(int n) => Leakers[n % Leakers.Length];

    public static string RecipientOf(int n) => Recipients[n % Recipients.Length];

    public static string ReporterOf(int n) => Reporters[n % Reporters.Length];

    public static string ClassificationOf(int n) => Classifications[n % Classifications.Length];

    public static string EventId(int article, int index) => $"evt-{article:D6}-{index}";

    public static string ArticleUrl(int n) => $"https://news.example/{Day(n):yyyy/MM/dd}/story-{n}";

    /// <summary>
    /// Article <paramref name="n"/>: <paramref name="events"/> paragraphs, each one leak with a reporting source and a
    /// reaction, on day <see cref="Day"/>(n).
    /// </summary>
    public static ExtractionWrite Article(int n, int events = 1)
    {
        var paragraphs = new List<string>();
        var pieces = new List<(string Paragraph, int Index)>();
        for (var i = 0; i < events; i++)
        {
            var k = n + i;
            var paragraph = $"{LeakerOf(k)}, an adviser at {Owners[k % Owners.Length]}, passed {Documents[k % Documents.Length]} marked {ClassificationOf(k)} "
                + $"to {RecipientOf(k)} on a Monday in March, {ReporterOf(k)} reported. "
                + $"\"We condemn this disclosure and will review access,\" said {Reactors[k % Reactors.Length]}.";
            paragraphs.Add(paragraph);
            pieces.Add((paragraph, i));
        }

        var text = string.Join("\n\n", paragraphs);
        var list = new List<LeakEvent>();
        var offset = 0;
        foreach (var (paragraph, i) in pieces)
        {
            var k = n + i;
            list.Add(Event(
                EventId(n, i),
                text,
                offset,
                paragraph,
                summary: $"{LeakerOf(k)} passed {Documents[k % Documents.Length]} to {RecipientOf(k)}",
                leaker: LeakerOf(k),
                recipient: RecipientOf(k),
                owner: Owners[k % Owners.Length],
                document: Documents[k % Documents.Length],
                classification: ClassificationOf(k),
                reporter: ReporterOf(k),
                reactor: Reactors[k % Reactors.Length],
                quote: "We condemn this disclosure and will review access",
                occurredAt: Day(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                confidence: 0.5 + ((k % 5) / 10.0)));
            offset += paragraph.Length + 2;
        }

        var article = new ArticleRecord(
            ArticleUrl(n),
            ArticleUrl(n),
            $"Leak row over {Documents[n % Documents.Length]} (story {n})",
            "Ada Fenwick",
            "Example News",
            Day(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00:00Z",
            "en",
            text);
        return new ExtractionWrite(article.Url, null, article, list, $"hash-{n}", null, null, ExtractorVersion, ModelVersion);
    }

    /// <summary>An article whose title, summary, leaker name and quote carry markup and script.</summary>
    public static ExtractionWrite Injected()
    {
        var paragraph = $"The clerk {BoldLeaker} gave the harbour memo to the Lantern Weekly, the Coastal Post reported. "
            + $"\"{QuoteMarkup},\" said Director Ulla Sand.";
        var text = "An opening paragraph with <angle brackets> & ampersands that must stay text.\n\n" + paragraph;
        var offset = text.IndexOf(paragraph, StringComparison.Ordinal);
        var leak = Event(
            InjectedEventId,
            text,
            offset,
            paragraph,
            summary: ImageSummary,
            leaker: BoldLeaker,
            recipient: "the Lantern Weekly",
            owner: "the Harbour Ministry",
            document: "the harbour memo",
            classification: "confidential",
            reporter: "the Coastal Post",
            reactor: "Director Ulla Sand",
            quote: QuoteMarkup,
            occurredAt: "2026-06-15",
            confidence: 0.9);
        var article = new ArticleRecord(
            "https://news.example/injected", "https://news.example/injected", ScriptTitle, null, "<i>Sneaky</i> Site", "2026-06-15T08:00:00Z", "en", text);
        return new ExtractionWrite(article.Url, null, article, [leak], "hash-injected", null, null, ExtractorVersion, ModelVersion);
    }

    private static LeakEvent Event(
        string id,
        string text,
        int paragraphStart,
        string paragraph,
        string summary,
        string leaker,
        string recipient,
        string owner,
        string document,
        string classification,
        string reporter,
        string reactor,
        string quote,
        string occurredAt,
        double confidence)
    {
        Span Find(string part)
        {
            var at = text.IndexOf(part, paragraphStart, StringComparison.Ordinal);
            if (at < 0 || at >= paragraphStart + paragraph.Length)
            {
                throw new InvalidOperationException($"fixture text has no '{part}'");
            }

            return new Span(at, at + part.Length, part);
        }

        var firstSentenceEnd = paragraph.IndexOf(" reported.", StringComparison.Ordinal) + " reported.".Length;
        var leakSentence = new Span(paragraphStart, paragraphStart + firstSentenceEnd, paragraph[..firstSentenceEnd]);
        var reactionSentence = Find(paragraph[(firstSentenceEnd + 1)..]);
        return new LeakEvent(
            id,
            summary,
            [new Actor(leaker, "adviser", "person", owner)],
            [new Actor(recipient, null, "outlet", null)],
            [new Actor(owner, null, "organization", null)],
            [new DisclosedInformation(document, classification, Find(document))],
            "document",
            null,
            occurredAt,
            "on a Monday in March",
            [new ReportingSource(reporter, "reported", Find(reporter + " reported"))],
            [new Reaction(new Actor(reactor, null, "person", null), "condemnation", "condemned the disclosure", quote, reactionSentence)],
            [leakSentence],
            confidence);
    }
}
