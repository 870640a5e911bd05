using System.Globalization;
using System.Text.Json;
using NewsLeakExtractor.Contract;

namespace NewsLeakExtractor.Ingestion.Store;

/// <summary>
/// What the store derives from a leak event for searching and sorting: its date, its search text and the rows
/// of the actor, reporting-source and classification tables. Pure functions, shared by both back ends.
/// </summary>
internal static class EventRows
{
    /// <summary>
    /// The contract's options, written on one line: stored JSON is read by the store, not by people, and indentation
    /// would make every row a third larger.
    /// </summary>
    public static JsonSerializerOptions StoredJson { get; } = new(ContractJson.Options) { WriteIndented = false };

    public static string Role(ActorRole role) => role switch
    {
        ActorRole.Leaker => "leaker",
        ActorRole.Recipient => "recipient",
        ActorRole.Owner => "owner",
        ActorRole.Reactor => "reactor",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Any is not stored as a role."),
    };

    /// <summary>The sortable event date (yyyy-MM-dd): when it happened if the article says, else when the article was published.</summary>
    public static string? EventDate(LeakEvent leakEvent, ArticleRecord article) =>
        CalendarDate(leakEvent.OccurredAt) ?? CalendarDate(article.PublishedAt);

    /// <summary>
    /// The calendar date a date string names, as written (a publication time keeps its own offset's day, because that
    /// is the day the article carries). Partial dates ("2017-05", "2017") take the first day of their period.
    /// </summary>
    public static string? CalendarDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        string[] partial = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        if (DateTime.TryParseExact(text, partial, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The bound of a date filter as the calendar date the caller wrote (in the offset it was given in).</summary>
    public static string FilterDate(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string SearchText(LeakEvent leakEvent, ArticleRecord article)
    {
        // Fields are joined by a newline so a search term cannot match across the end of one and the start of the next.
        var parts = new List<string?> { leakEvent.Summary, article.Title };
        parts.AddRange(leakEvent.DisclosedInformation.Select(information => information.Text));
        parts.AddRange(Actors(leakEvent).Select(actor => actor.Name));
        return Normalize(string.Join('\n', parts.Where(part => !string.IsNullOrWhiteSpace(part))));
    }

    /// <summary>Every actor of the event with its role, once per (role, lower-cased name).</summary>
    public static IEnumerable<(string Role, string Name)> Actors(LeakEvent leakEvent)
    {
        IEnumerable<(string Role, Actor Actor)> all =
            leakEvent.Leakers.Select(actor => ("leaker", actor))
                .Concat(leakEvent.Recipients.Select(actor => ("recipient", actor)))
                .Concat(leakEvent.InformationOwners.Select(actor => ("owner", actor)))
                .Concat(leakEvent.Reactions.Select(reaction => ("reactor", reaction.Actor)));
        return all
            .Where(pair => !string.IsNullOrWhiteSpace(pair.Actor.Name))
            .Select(pair => (pair.Role, Name: pair.Actor.Name.Trim()))
            .DistinctBy(pair => (pair.Role, Normalize(pair.Name)));
    }

    public static IEnumerable<string> ReportingSourceNames(LeakEvent leakEvent) =>
        leakEvent.ReportingSources
            .Select(source => source.Name?.Trim())
            .OfType<string>()
            .Where(name => name.Length > 0)
            .DistinctBy(Normalize);

    public static IEnumerable<string> Classifications(LeakEvent leakEvent) =>
        leakEvent.DisclosedInformation
            .Select(information => information.Classification)
            .OfType<string>()
            .Select(Normalize)
            .Where(classification => classification.Length > 0)
            .Distinct();

    /// <summary>How names and search text are compared: trimmed and lower-cased, culture-independent.</summary>
    public static string Normalize(string value) => value.Trim().ToLowerInvariant();
}

/// <summary>The rows an extraction's events become, derived once before the write transaction starts.</summary>
internal sealed class EventRowSet
{
    public static readonly string[] EventColumns =
        ["event_id", "article_id", "position", "summary", "event_date", "confidence", "extracted_at", "extractor_version", "model_version", "search_text",
         "leakers_text", "recipients_text", "owners_text", "reactors_text", "reporting_sources_text", "classifications_text", "event_json"];

    public static readonly string[] ActorColumns = ["event_id", "role", "name", "name_lower"];

    public static readonly string[] ReportingSourceColumns = ["event_id", "name", "name_lower"];

    public static readonly string[] ClassificationColumns = ["event_id", "classification"];

    private const int ArticleIdColumn = 1;
    private const int ExtractedAtColumn = 6;

    private readonly List<object?[]> events = [];

    private EventRowSet()
    {
    }

    public List<string> EventIds { get; } = [];

    public List<object?[]> Actors { get; } = [];

    public List<object?[]> ReportingSources { get; } = [];

    public List<object?[]> Classifications { get; } = [];

    public static EventRowSet From(ExtractionWrite write)
    {
        var set = new EventRowSet();

        // An id listed twice would break the primary key; the first occurrence is the one kept.
        var unique = write.Events.DistinctBy(leakEvent => leakEvent.Id, StringComparer.Ordinal).ToList();
        for (var position = 0; position < unique.Count; position++)
        {
            var leakEvent = unique[position];
            var actors = EventRows.Actors(leakEvent).ToList();
            string NamesIn(string role) => Joined(actors.Where(actor => actor.Role == role).Select(actor => actor.Name));
            set.EventIds.Add(leakEvent.Id);
            set.events.Add([
                leakEvent.Id, null, position, leakEvent.Summary, EventRows.EventDate(leakEvent, write.Article), leakEvent.Confidence,
                null, write.ExtractorVersion, write.ModelVersion, EventRows.SearchText(leakEvent, write.Article),
                NamesIn("leaker"), NamesIn("recipient"), NamesIn("owner"), NamesIn("reactor"),
                Joined(EventRows.ReportingSourceNames(leakEvent)), Joined(EventRows.Classifications(leakEvent)),
                JsonSerializer.Serialize(leakEvent, EventRows.StoredJson),
            ]);
            set.Actors.AddRange(actors.Select(actor => new object?[] { leakEvent.Id, actor.Role, actor.Name, EventRows.Normalize(actor.Name) }));
            set.ReportingSources.AddRange(EventRows.ReportingSourceNames(leakEvent).Select(name => new object?[] { leakEvent.Id, name, EventRows.Normalize(name) }));
            set.Classifications.AddRange(EventRows.Classifications(leakEvent).Select(value => new object?[] { leakEvent.Id, value }));
        }

        return set;
    }

    private static string Joined(IEnumerable<string> values) => string.Join('\n', values.Select(EventRows.Normalize));

    /// <summary>The event rows, completed with what is known only inside the transaction.</summary>
    public List<object?[]> EventsFor(long articleId, object extractedAt)
    {
        foreach (var row in events)
        {
            row[ArticleIdColumn] = articleId;
            row[ExtractedAtColumn] = extractedAt;
        }

        return events;
    }
}
