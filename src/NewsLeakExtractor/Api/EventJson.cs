using System.Text.Json;
using System.Text.Json.Nodes;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Cli.Api;

/// <summary>
/// A stored event as the API and the JSON Lines export write it: the FORMAT.md event object unchanged, with the
/// article and the versions behind it added as extra properties (the contract grows only by addition).
/// </summary>
public static class EventJson
{
    public static JsonObject ToJson(StoredEvent stored)
    {
        var json = JsonSerializer.SerializeToNode(stored.Event, ContractJson.CompactOptions)!.AsObject();
        json["article"] = new JsonObject
        {
            ["id"] = stored.ArticleId,
            ["url"] = stored.ArticleUrl,
            ["title"] = stored.ArticleTitle,
            ["publishedAt"] = stored.ArticlePublishedAt,
            ["siteName"] = stored.SiteName,
        };
        json["extractorVersion"] = stored.ExtractorVersion;
        json["modelVersion"] = stored.ModelVersion;
        json["extractedAt"] = stored.ExtractedAt;
        return json;
    }

    /// <summary>A stored article: FORMAT.md's article object plus its fetch state and history.</summary>
    public static JsonObject ToJson(StoredArticle article, IReadOnlyList<ArticleHistoryEntry>? history = null)
    {
        var json = article.Article is null
            ? new JsonObject { ["url"] = article.Url }
            : JsonSerializer.SerializeToNode(article.Article, ContractJson.CompactOptions)!.AsObject();
        json["id"] = article.Id;
        json["status"] = article.Status.ToString().ToLowerInvariant();
        json["sourceId"] = article.SourceId;
        json["failureReason"] = article.FailureReason;
        json["failureMessage"] = article.FailureMessage;
        json["attempts"] = article.Attempts;
        json["eventCount"] = article.EventCount;
        json["contentHash"] = article.ContentHash;
        json["extractorVersion"] = article.ExtractorVersion;
        json["modelVersion"] = article.ModelVersion;
        json["discoveredAt"] = article.DiscoveredAt;
        json["fetchedAt"] = article.FetchedAt;
        json["extractedAt"] = article.ExtractedAt;
        json["updatedAt"] = article.UpdatedAt;
        if (history is not null)
        {
            json["history"] = new JsonArray(history.Select(entry => (JsonNode)new JsonObject
            {
                ["at"] = entry.At,
                ["action"] = entry.Action,
                ["detail"] = entry.Detail,
            }).ToArray());
        }

        return json;
    }
}
