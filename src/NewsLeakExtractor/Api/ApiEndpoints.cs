using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NewsLeakExtractor.Ingestion.Ingest;
using NewsLeakExtractor.Ingestion.Sources;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Cli.Api;

/// <summary>The JSON API (documented in the README): health, events with filters and exports, articles, sources, reprocess.</summary>
public static class ApiEndpoints
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", HealthAsync);

        var api = app.MapGroup("/api");
        api.MapGet("/events", async (HttpRequest request, IArticleStore store, CancellationToken ct) =>
        {
            if (!TryParseQuery(request, out var query, out var error))
            {
                return Results.BadRequest(new { error });
            }

            var page = await store.QueryEventsAsync(query, ct);
            return Results.Json(new
            {
                total = page.Total,
                page = page.Page,
                pageSize = page.PageSize,
                events = page.Events.Select(EventJson.ToJson).ToList(),
            });
        });
        api.MapGet("/events.jsonl", (HttpRequest request, HttpResponse response, IArticleStore store, CancellationToken ct) =>
            ExportAsync(request, response, store, "application/x-ndjson", null, stored => EventJson.ToJson(stored).ToJsonString(), ct));
        api.MapGet("/events.csv", (HttpRequest request, HttpResponse response, IArticleStore store, CancellationToken ct) =>
            ExportAsync(request, response, store, "text/csv; charset=utf-8", EventCsv.HeaderLine, EventCsv.Row, ct));
        api.MapGet("/events/{id}", async (string id, IArticleStore store, CancellationToken ct) =>
            await store.GetEventAsync(id, ct) is { } stored ? Results.Json(EventJson.ToJson(stored)) : Results.NotFound(new { error = $"no event {id}" }));
        api.MapGet("/articles/{id:long}", async (long id, IArticleStore store, CancellationToken ct) =>
        {
            if (await store.GetArticleAsync(id, ct) is not { } article)
            {
                return Results.NotFound(new { error = $"no article {id}" });
            }

            var json = EventJson.ToJson(article, await store.GetHistoryAsync(id, ct));
            json["events"] = new System.Text.Json.Nodes.JsonArray((await store.GetArticleEventsAsync(id, ct)).Select(e => (System.Text.Json.Nodes.JsonNode)EventJson.ToJson(e)).ToArray());
            return Results.Json(json);
        });
        api.MapGet("/sources", async (IArticleStore store, PipelineRegistry registry, CancellationToken ct) =>
        {
            var statuses = (await store.GetSourceStatusesAsync(ct)).ToDictionary(s => s.SourceId);
            return Results.Json(new
            {
                errors = registry.Errors,
                sources = registry.Sources.Select(source => new
                {
                    id = source.Id,
                    name = source.Name,
                    pipeline = source.Pipeline,
                    url = source.Url.ToString(),
                    kind = source.Kind,
                    schedule = source.Schedule,
                    enabled = source.Enabled,
                    maxArticlesPerRun = source.MaxArticlesPerRun,
                    languages = source.Languages,
                    status = statuses.GetValueOrDefault(source.Id),
                    nextPollAt = source.Enabled ? SourcePoller.NextPoll(source, DateTimeOffset.UtcNow) : null,
                }),
            });
        });
        api.MapPost("/reprocess", ReprocessAsync);
        return app;
    }

    private static async Task<IResult> HealthAsync(IArticleStore store, StorageOptions storage, CancellationToken ct)
    {
        try
        {
            // One cheap query that proves the store answers: the newest event and the total.
            var events = await store.QueryEventsAsync(new EventQuery { PageSize = 1 }, ct);
            return Results.Json(new { status = "ok", storage = storage.Provider.ToString().ToLowerInvariant(), events = events.Total });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Results.Json(new { status = "unhealthy", storage = storage.Provider.ToString().ToLowerInvariant(), error = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    public sealed record ReprocessBody(string? Url);

    private static async Task<IResult> ReprocessAsync(HttpRequest request, ManualReprocessor reprocessor, CancellationToken ct)
    {
        ReprocessBody? body;
        try
        {
            body = await request.ReadFromJsonAsync<ReprocessBody>(ct);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return Results.BadRequest(new { error = "expected a JSON body {\"url\": \"https://...\"}" });
        }

        if (ManualReprocessor.ParseUrl(body?.Url, out var error) is not { } url)
        {
            return Results.BadRequest(new { error });
        }

        var result = await reprocessor.ReprocessAsync(url, ct);
        var payload = ReprocessJson(result);
        return result.Succeeded
            ? Results.Json(payload)
            : Results.Json(payload, statusCode: result.Outcome.Reason == "Refused" ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status502BadGateway);
    }

    public static object ReprocessJson(ReprocessResult result) => new
    {
        status = result.Outcome.Status,
        url = result.Outcome.Url.ToString(),
        reason = result.Outcome.Reason,
        message = result.Outcome.Message,
        error = result.Succeeded ? null : $"{result.Outcome.Reason}: {result.Outcome.Message}",
        article = result.Article is null ? null : EventJson.ToJson(result.Article),
        events = result.Events.Select(EventJson.ToJson).ToList(),
    };

    /// <summary>Streams every matching event page by page, so an export of the whole store runs in constant memory.</summary>
    private static async Task ExportAsync(HttpRequest request, HttpResponse response, IArticleStore store, string contentType, string? header, Func<StoredEvent, string> line, CancellationToken ct)
    {
        if (!TryParseQuery(request, out var query, out var error))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsJsonAsync(new { error }, ct);
            return;
        }

        response.ContentType = contentType;
        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        if (header is not null)
        {
            await writer.WriteAsync(header + "\n");
        }

        for (var page = 1; ; page++)
        {
            var events = await store.QueryEventsAsync(query with { Page = page, PageSize = MaxPageSize }, ct);
            foreach (var stored in events.Events)
            {
                await writer.WriteAsync(line(stored) + "\n");
            }

            if (events.Events.Count < MaxPageSize || page * MaxPageSize >= events.Total)
            {
                break;
            }
        }
    }

    /// <summary>Reads the event filters shared by the API, the exports and the dashboard.</summary>
    public static bool TryParseQuery(HttpRequest request, out EventQuery query, out string? error)
    {
        var q = request.Query;
        query = new EventQuery();
        error = null;
        if (!TryDate(q["from"], out var from) || !TryDate(q["to"], out var to))
        {
            error = "from/to must be dates (yyyy-MM-dd or ISO 8601)";
            return false;
        }

        var role = ActorRole.Any;
        if (!string.IsNullOrEmpty(q["role"]) && !Enum.TryParse(q["role"], ignoreCase: true, out role))
        {
            error = "role must be one of leaker, recipient, owner, reactor";
            return false;
        }

        query = new EventQuery
        {
            Text = Blank(q["q"]),
            Actor = Blank(q["actor"]),
            ActorRole = role,
            ReportingSource = Blank(q["source"]),
            Classification = Blank(q["classification"]),
            From = from,
            // A bare date as the upper bound means the whole of that day.
            To = to is { } end && end.TimeOfDay == TimeSpan.Zero && !q["to"].ToString().Contains('T', StringComparison.Ordinal) ? end.AddDays(1).AddTicks(-1) : to,
            Page = int.TryParse(q["page"], out var page) && page > 0 ? page : 1,
            PageSize = int.TryParse(q["pageSize"], out var size) && size > 0 ? Math.Min(size, MaxPageSize) : 25,
        };
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
