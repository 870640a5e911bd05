using System.Collections.Concurrent;
using Cronos;
using Microsoft.Extensions.Logging;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Ingestion.Fetch;
using NewsLeakExtractor.Ingestion.Sources;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Ingestion.Ingest;

/// <summary>
/// The URLs a poll hands on for processing: newly discovered ones, and known ones to look at again (left unfinished
/// by a restart, or listed as updated since they were fetched).
/// </summary>
public sealed record PollResult(string SourceId, int ItemsSeen, IReadOnlyList<string> NewUrls, IReadOnlyList<string> RevisitUrls, string? Error)
{
    public IEnumerable<string> ToProcess => NewUrls.Concat(RevisitUrls.Except(NewUrls)).Distinct();
}

/// <summary>
/// Polls one source: fetches its listing (conditionally), reads the items, keeps the newest in the source's languages,
/// and records each new URL once in the store; the poll itself is recorded with its next scheduled time.
/// </summary>
public sealed class SourcePoller
{
    private readonly PoliteFetcher _fetcher;
    private readonly FeedReader _reader;
    private readonly IArticleStore _store;
    private readonly IngestOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<SourcePoller> _logger;

    // Validators of each listing's last fetch, so an unchanged feed costs a 304; a restart just fetches it once in full.
    private readonly ConcurrentDictionary<Uri, (string? ETag, string? LastModified)> _validators = new();

    public SourcePoller(PoliteFetcher fetcher, FeedReader reader, IArticleStore store, IngestOptions options, TimeProvider clock, ILogger<SourcePoller> logger)
    {
        _fetcher = fetcher;
        _reader = reader;
        _store = store;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    public async Task<PollResult> PollAsync(PipelineSource source, CancellationToken cancellationToken)
    {
        var started = _clock.GetUtcNow();
        PollResult result;
        try
        {
            var items = await ReadListingAsync(source, cancellationToken);
            var wanted = items
                .Where(item => KeepsLanguage(source, item.Language))
                .GroupBy(item => item.Url)
                .Select(group => group.First())
                .OrderByDescending(item => item.PublishedAt ?? item.UpdatedAt ?? DateTimeOffset.MinValue)
                .Take(source.MaxArticlesPerRun)
                .ToList();

            var newUrls = new List<string>();
            var changedUrls = new List<string>();
            foreach (var item in wanted)
            {
                var url = item.Url.ToString();
                if (await _store.TryDiscoverAsync(url, source.Id, cancellationToken))
                {
                    newUrls.Add(url);
                }
                else if (await IsUpdatedSinceFetchAsync(item, cancellationToken))
                {
                    // The listing says the article changed after we fetched it: fetch it again (conditionally);
                    // the content hash then decides whether it is extracted again.
                    changedUrls.Add(url);
                }
            }

            var unfinished = await ListStaleAsync(source, newUrls, cancellationToken);
            result = new PollResult(source.Id, items.Count, newUrls, [.. unfinished, .. changedUrls], null);
        }
        catch (FetchException e)
        {
            result = new PollResult(source.Id, 0, [], [], $"{e.Reason}: {e.Message}");
        }

        if (result.Error is not null)
        {
            _logger.LogWarning("poll of {Source} failed: {Error}", source.Id, result.Error);
        }

        await _store.RecordPollAsync(
            new SourcePoll(source.Id, started, _clock.GetUtcNow(), result.ItemsSeen, result.NewUrls.Count, result.Error)
            {
                NextPollAt = NextPoll(source, _clock.GetUtcNow()),
            },
            cancellationToken);
        return result;
    }

    /// <summary>
    /// Discovered articles nobody has touched for a whole lease: their jobs were lost (an in-memory queue across a
    /// restart). Younger ones are left alone: another process may have just discovered them and queued their job.
    /// </summary>
    private async Task<List<string>> ListStaleAsync(PipelineSource source, List<string> justDiscovered, CancellationToken cancellationToken)
    {
        var staleBefore = _clock.GetUtcNow() - _options.Lease;
        var stale = new List<string>();
        foreach (var url in await _store.ListUnfinishedAsync(source.Id, source.MaxArticlesPerRun, cancellationToken))
        {
            if (!justDiscovered.Contains(url) && await _store.FindByUrlAsync(url, cancellationToken) is { } article && article.UpdatedAt < staleBefore)
            {
                stale.Add(url);
            }
        }

        return stale;
    }

    private async Task<bool> IsUpdatedSinceFetchAsync(FeedItem item, CancellationToken cancellationToken)
    {
        var listed = item.UpdatedAt ?? item.PublishedAt;
        if (listed is null)
        {
            return false;
        }

        var stored = await _store.FindByUrlAsync(item.Url.ToString(), cancellationToken);
        return stored is { Status: ArticleStatus.Extracted, FetchedAt: { } fetched } && listed > fetched;
    }

    public static DateTimeOffset? NextPoll(PipelineSource source, DateTimeOffset after) =>
        source.Enabled ? CronExpression.Parse(source.Schedule).GetNextOccurrence(after, TimeZoneInfo.Utc) : null;

    private static bool KeepsLanguage(PipelineSource source, string? language) =>
        source.Languages.Count == 0 || language is null
        || source.Languages.Any(wanted => language.StartsWith(wanted, StringComparison.OrdinalIgnoreCase));

    private async Task<IReadOnlyList<FeedItem>> ReadListingAsync(PipelineSource source, CancellationToken cancellationToken)
    {
        var listing = await FetchListingAsync(source, source.Url, source.Kind, cancellationToken);
        var items = listing.Where(item => !item.IsSitemap).ToList();

        // A sitemap index lists sitemaps, not articles: read its first few children (one level deep).
        foreach (var child in listing.Where(item => item.IsSitemap).Take(_options.MaxChildSitemaps))
        {
            var childListing = await FetchListingAsync(source, child.Url, SourceKind.Auto, cancellationToken);
            items.AddRange(childListing.Where(item => !item.IsSitemap));
        }

        return items;
    }

    /// <summary>One listing document's items; empty when it has not changed since the last poll (HTTP 304).</summary>
    private async Task<IReadOnlyList<FeedItem>> FetchListingAsync(PipelineSource source, Uri url, SourceKind kind, CancellationToken cancellationToken)
    {
        _validators.TryGetValue(url, out var validators);
        var response = await _fetcher.FetchAsync(
            new PoliteFetchRequest(url)
            {
                ETag = validators.ETag,
                LastModified = validators.LastModified,
                Headers = source.Headers,
                AllowPrivateNetworks = source.AllowPrivateNetworks,
                ExpectFeed = true,
            },
            cancellationToken);
        if (response.NotModified || response.Document is null)
        {
            return [];
        }

        var items = _reader.Read(response.Document, kind);
        _validators[url] = (response.ETag, response.LastModified);
        return items;
    }
}
