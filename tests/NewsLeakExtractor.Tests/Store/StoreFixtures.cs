using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Tests.Store;

/// <summary>A clock the tests move by hand, so lease expiry needs no sleeping.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}

/// <summary>Invented articles and events (every name, outlet and sentence here is made up for the tests).</summary>
internal static class StoreFixtures
{
    public const string Extractor = "extractor-1";
    public const string Model = "model-1";

    public static ArticleRecord Article(string url, string title, string? publishedAt = "2024-02-10T08:30:00Z", string? canonicalUrl = null, string? siteName = "Harbor Gazette") =>
        new(url, canonicalUrl ?? url, title, "Staff writer", siteName, publishedAt, "en",
            $"{title}. A clerk at the Ministry of Tides passed tide tables marked restricted to a reporter at the Harbor Gazette.");

    public static Actor Person(string name, string? role = null) => new(name, role, "person", null);

    public static Actor Outlet(string name) => new(name, null, "organization", null);

    public static LeakEvent Event(
        string id,
        string summary,
        IEnumerable<string>? leakers = null,
        IEnumerable<string>? recipients = null,
        IEnumerable<string>? owners = null,
        IEnumerable<string>? reactors = null,
        IEnumerable<string>? reportingSources = null,
        string disclosed = "restricted tide tables",
        string? classification = "confidential",
        string? occurredAt = null,
        double confidence = 0.8)
    {
        var span = new Span(0, 5, "A cle");
        return new LeakEvent(
            id,
            summary,
            (leakers ?? []).Select(name => Person(name)).ToList(),
            (recipients ?? []).Select(Outlet).ToList(),
            (owners ?? []).Select(Outlet).ToList(),
            [new DisclosedInformation(disclosed, classification, span)],
            "document",
            null,
            occurredAt,
            null,
            (reportingSources ?? []).Select(name => new ReportingSource(name, "reported", span)).ToList(),
            (reactors ?? []).Select(name => new Reaction(Person(name), "statement", $"{name} said the tables were out of date.", null, span)).ToList(),
            [span],
            confidence);
    }

    public static ExtractionWrite Write(string url, ArticleRecord article, IReadOnlyList<LeakEvent> events, string? sourceId = null, string hash = "hash-1") =>
        new(url, sourceId, article, events, hash, "\"etag-1\"", "Sat, 10 Feb 2024 08:30:00 GMT", Extractor, Model);

    public static ExtractionWrite Write(string url, string title, params LeakEvent[] events) => Write(url, Article(url, title), events);
}
