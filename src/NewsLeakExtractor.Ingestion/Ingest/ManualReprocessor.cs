using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Ingestion.Ingest;

/// <summary>What a manual reprocess produced: the outcome, and the stored article and events it left.</summary>
public sealed record ReprocessResult(IngestOutcome Outcome, StoredArticle? Article, IReadOnlyList<StoredEvent> Events)
{
    public bool Succeeded => Outcome.Status is IngestStatus.Extracted or IngestStatus.Unchanged or IngestStatus.Skipped;
}

public sealed record ReprocessAllResult(int Articles, int Extracted, int Failed, int Events, TimeSpan Elapsed);

/// <summary>
/// Manual reprocessing (command line, API, dashboard): one URL through the whole chain now, or every stored article
/// re-extracted after a model change. A submitted URL is untrusted: private addresses are refused unless configured.
/// </summary>
public sealed class ManualReprocessor
{
    private readonly ArticleIngestor _ingestor;
    private readonly IArticleStore _store;
    private readonly TimeProvider _clock;

    public ManualReprocessor(ArticleIngestor ingestor, IArticleStore store, TimeProvider clock)
    {
        _ingestor = ingestor;
        _store = store;
        _clock = clock;
    }

    /// <summary>Parses a submitted URL; null with a reason when it is not an absolute http(s) URL.</summary>
    public static Uri? ParseUrl(string? input, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "no URL given";
            return null;
        }

        if (!Uri.TryCreate(input.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            error = $"not an http(s) URL: {input.Trim()}";
            return null;
        }

        return url;
    }

    public async Task<ReprocessResult> ReprocessAsync(Uri url, CancellationToken cancellationToken)
    {
        var outcome = await _ingestor.IngestAsync(new IngestRequest(url, null) { Force = true }, cancellationToken);
        var article = outcome.ArticleId is long id
            ? await _store.GetArticleAsync(id, cancellationToken)
            : await _store.FindByUrlAsync(url.ToString(), cancellationToken);
        var events = article is null ? [] : await _store.GetArticleEventsAsync(article.Id, cancellationToken);
        return new ReprocessResult(outcome, article, events);
    }

    public async Task<ReprocessAllResult> ReprocessAllAsync(IProgress<IngestOutcome>? progress, CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        int articles = 0, extracted = 0, failed = 0, events = 0;
        await foreach (var stored in _store.ListExtractedArticlesAsync(cancellationToken))
        {
            var outcome = await _ingestor.ReextractAsync(stored, cancellationToken);
            articles++;
            if (outcome.Status == IngestStatus.Extracted)
            {
                extracted++;
                events += outcome.EventCount;
            }
            else if (outcome.Status == IngestStatus.Failed)
            {
                failed++;
            }

            progress?.Report(outcome);
        }

        return new ReprocessAllResult(articles, extracted, failed, events, _clock.GetElapsedTime(started));
    }
}
