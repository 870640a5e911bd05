using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using NewsLeakExtractor.Contract;

namespace NewsLeakExtractor.Ingestion.Store;

/// <summary>Events: the filtered, paged list, single events and the overview statistics.</summary>
public abstract partial class SqlArticleStore
{
    public const int MaxPageSize = 500;

    private const string EventColumnsWithArticle = """
        e.event_json, e.article_id, a.url, a.title, a.published_at, a.site_name, e.extractor_version, e.model_version, e.extracted_at
        FROM events e JOIN articles a ON a.id = e.article_id
        """;

    /// <summary>Newest first; exactly the order of the ix_events_newest index, so a page is an index range.</summary>
    private string NewestFirst => $"e.event_date DESC{Dialect.NullsLast}, e.extracted_at DESC, e.article_id DESC, e.position";

    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var filter = EventFilter.From(query, Dialect);

        await using var connection = await OpenConnectionAsync(cancellationToken);
        int total;
        await using (var count = connection.Command($"SELECT COUNT(*) FROM events e WHERE {filter.Where}"))
        {
            filter.Bind(count);
            total = (int)(await count.ScalarInt64Async(cancellationToken) ?? 0);
        }

        var events = new List<StoredEvent>(pageSize);
        if (total > (page - 1) * pageSize)
        {
            await using var select = connection.Command($"""
                SELECT {EventColumnsWithArticle}
                WHERE {filter.Where}
                ORDER BY {NewestFirst}
                LIMIT @limit OFFSET @offset
                """);
            filter.Bind(select);
            select.With("@limit", pageSize).With("@offset", (page - 1) * pageSize);
            await ReadEventsAsync(select, events, cancellationToken);
        }

        return new EventPage(events, total, page, pageSize);
    }

    public async Task<StoredEvent?> GetEventAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {EventColumnsWithArticle} WHERE e.event_id = @event").With("@event", eventId);
        var events = new List<StoredEvent>(1);
        await ReadEventsAsync(command, events, cancellationToken);
        return events.Count == 0 ? null : events[0];
    }

    public async Task<IReadOnlyList<StoredEvent>> GetArticleEventsAsync(long articleId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {EventColumnsWithArticle} WHERE e.article_id = @article ORDER BY e.position")
            .With("@article", articleId);
        var events = new List<StoredEvent>();
        await ReadEventsAsync(command, events, cancellationToken);
        return events;
    }

    /// <remarks>
    /// Over a date range only dated events count. <see cref="EventStatistics.TotalArticles"/> is the number of articles
    /// with at least one counted event (the articles that report leaks), not every article fetched.
    /// </remarks>
    public async Task<EventStatistics> GetStatisticsAsync(DateTimeOffset? from, DateTimeOffset? to, int top, CancellationToken cancellationToken)
    {
        var filter = EventFilter.From(new EventQuery { From = from, To = to }, Dialect);
        await using var connection = await OpenConnectionAsync(cancellationToken);

        int totalEvents, totalArticles;
        await using (var totals = connection.Command($"SELECT COUNT(*), COUNT(DISTINCT e.article_id) FROM events e WHERE {filter.Where}"))
        {
            filter.Bind(totals);
            await using var reader = await totals.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            totalEvents = reader.GetCount(0);
            totalArticles = reader.GetCount(1);
        }

        var perDay = new List<DayCount>();
        await using (var days = connection.Command($"""
            SELECT e.event_date, COUNT(*) FROM events e
            WHERE e.event_date IS NOT NULL AND {filter.Where}
            GROUP BY e.event_date
            ORDER BY e.event_date
            """))
        {
            filter.Bind(days);
            await using var reader = await days.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                perDay.Add(new DayCount(DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetCount(1)));
            }
        }

        top = Math.Max(0, top);
        return new EventStatistics(
            totalEvents,
            totalArticles,
            perDay,
            await TopActorsAsync(connection, filter, ActorRole.Leaker, top, cancellationToken),
            await TopActorsAsync(connection, filter, ActorRole.Recipient, top, cancellationToken),
            await TopActorsAsync(connection, filter, ActorRole.Reactor, top, cancellationToken));
    }

    private async Task<IReadOnlyList<ActorCount>> TopActorsAsync(DbConnection connection, EventFilter filter, ActorRole role, int top, CancellationToken cancellationToken)
    {
        // One line per person however their name was capitalised; the spelling shown is the first in code-point order,
        // and ties sort by code point on both back ends (not by the server's locale).
        var collate = Dialect.BinaryCollation;
        await using var command = connection.Command($"""
            SELECT MIN(x.name{collate}), COUNT(*) AS events
            FROM event_actors x JOIN events e ON e.event_id = x.event_id
            WHERE x.role = @role AND {filter.Where}
            GROUP BY x.name_lower
            ORDER BY events DESC, x.name_lower{collate}
            LIMIT @top
            """);
        filter.Bind(command);
        command.With("@role", EventRows.Role(role)).With("@top", top);
        var actors = new List<ActorCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            actors.Add(new ActorCount(reader.GetString(0), reader.GetCount(1)));
        }

        return actors;
    }

    private async Task ReadEventsAsync(DbCommand command, List<StoredEvent> into, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into.Add(new StoredEvent(
                JsonSerializer.Deserialize<LeakEvent>(reader.GetString(0), EventRows.StoredJson)!,
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetNullableString(3),
                reader.GetNullableString(4),
                reader.GetNullableString(5),
                reader.GetString(6),
                reader.GetString(7),
                Dialect.ReadTimestamp(reader, 8)));
        }
    }

    /// <summary>
    /// The WHERE clause of an <see cref="EventQuery"/> over <c>events e</c>, with its parameters. Only fixed SQL
    /// fragments are joined; every value the caller gave is a bound parameter. Every condition reads the events row
    /// itself, so a page is one walk down the newest-first index and the total one pass over the table.
    /// </summary>
    private sealed class EventFilter
    {
        private static readonly Dictionary<ActorRole, string[]> ActorColumns = new()
        {
            [ActorRole.Any] = ["e.leakers_text", "e.recipients_text", "e.owners_text", "e.reactors_text"],
            [ActorRole.Leaker] = ["e.leakers_text"],
            [ActorRole.Recipient] = ["e.recipients_text"],
            [ActorRole.Owner] = ["e.owners_text"],
            [ActorRole.Reactor] = ["e.reactors_text"],
        };

        private readonly List<string> conditions = ["1 = 1"];
        private readonly List<(string Name, object Value)> parameters = [];

        public string Where => string.Join(" AND ", conditions);

        public static EventFilter From(EventQuery query, SqlDialect dialect)
        {
            var filter = new EventFilter();
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                filter.Add(dialect.Contains("e.search_text", "@text"), "@text", EventRows.Normalize(query.Text));
            }

            var columns = ActorColumns[query.ActorRole];
            if (!string.IsNullOrWhiteSpace(query.Actor))
            {
                filter.Add("(" + string.Join(" OR ", columns.Select(column => dialect.Contains(column, "@actor"))) + ")", "@actor", EventRows.Normalize(query.Actor));
            }
            else if (query.ActorRole != ActorRole.Any)
            {
                filter.conditions.Add($"{columns[0]} <> ''"); // any actor at all in that role
            }

            if (!string.IsNullOrWhiteSpace(query.ReportingSource))
            {
                filter.Add(dialect.Contains("e.reporting_sources_text", "@reportingSource"), "@reportingSource", EventRows.Normalize(query.ReportingSource));
            }

            if (!string.IsNullOrWhiteSpace(query.Classification))
            {
                filter.Add(dialect.Contains("e.classifications_text", "@classification"), "@classification", EventRows.Normalize(query.Classification));
            }

            if (query.ArticleId is { } articleId)
            {
                filter.Add("e.article_id = @articleId", "@articleId", articleId);
            }

            if (query.From is { } from)
            {
                filter.Add("e.event_date >= @from", "@from", EventRows.FilterDate(from));
            }

            if (query.To is { } to)
            {
                filter.Add("e.event_date <= @to", "@to", EventRows.FilterDate(to));
            }

            return filter;
        }

        public void Bind(DbCommand command)
        {
            foreach (var (name, value) in parameters)
            {
                command.With(name, value);
            }
        }

        private void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            parameters.Add((name, value));
        }
    }
}
