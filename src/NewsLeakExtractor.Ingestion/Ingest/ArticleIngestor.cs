using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Ingestion.Fetch;
using NewsLeakExtractor.Ingestion.Store;
using NewsLeakExtractor.Pipeline;

namespace NewsLeakExtractor.Ingestion.Ingest;

/// <summary>
/// The service's chain for one URL: claim → fetch (conditional) → clean → skip if unchanged → extract → store.
/// Every outcome, failures included, is recorded on the article; nothing here throws for bad input.
/// </summary>
public sealed class ArticleIngestor
{
    private readonly PoliteFetcher _fetcher;
    private readonly ArticlePipeline _pipeline;
    private readonly IArticleStore _store;
    private readonly IngestOptions _options;
    private readonly ILogger<ArticleIngestor> _logger;
    private readonly string _worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public ArticleIngestor(PoliteFetcher fetcher, ArticlePipeline pipeline, IArticleStore store, IngestOptions options, ILogger<ArticleIngestor> logger)
    {
        _fetcher = fetcher;
        _pipeline = pipeline;
        _store = store;
        _options = options;
        _logger = logger;
    }

    public async Task<IngestOutcome> IngestAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url.ToString();
        if (!await _store.TryClaimAsync(url, _worker, _options.Lease, cancellationToken))
        {
            return new IngestOutcome(IngestStatus.InProgress, request.Url, null, 0, "InProgress", $"another worker is processing {url}");
        }

        try
        {
            return await RunClaimedAsync(request, url, cancellationToken);
        }
        catch (FetchException e)
        {
            var final = !(e.IsTransient && request.WillRetry);
            await _store.RecordFailureAsync(url, request.SourceId, ArticleStatus.Failed, e.Reason.ToString(), e.Message, final, CancellationToken.None);
            _logger.LogInformation("{Url}: {Reason} ({Final}): {Message}", url, e.Reason, final ? "final" : "will retry", e.Message);
            var article = await _store.FindByUrlAsync(url, CancellationToken.None);
            return new IngestOutcome(IngestStatus.Failed, request.Url, article?.Id, 0, e.Reason.ToString(), e.Message) { IsTransientFailure = e.IsTransient };
        }
        catch (OperationCanceledException)
        {
            await _store.ReleaseAsync(url, _worker, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            // A defect, not bad input: recorded on the article so the rest of the pipeline goes on.
            _logger.LogError(e, "{Url}: unexpected failure", url);
            var message = $"{e.GetType().Name}: {e.Message}";
            await _store.RecordFailureAsync(url, request.SourceId, ArticleStatus.Failed, nameof(FailureReason.ExtractorError), message, final: true, CancellationToken.None);
            return new IngestOutcome(IngestStatus.Failed, request.Url, null, 0, nameof(FailureReason.ExtractorError), message);
        }
    }

    private async Task<IngestOutcome> RunClaimedAsync(IngestRequest request, string url, CancellationToken cancellationToken)
    {
        var stored = await _store.FindByUrlAsync(url, cancellationToken);
        var useValidators = !request.Force && stored is { Status: ArticleStatus.Extracted, ExtractorVersion: var v } && v == _pipeline.ExtractorVersion;
        var response = await _fetcher.FetchAsync(
            new PoliteFetchRequest(request.Url)
            {
                ETag = useValidators ? stored!.ETag : null,
                LastModified = useValidators ? stored!.LastModified : null,
                Headers = request.Headers,
                AllowPrivateNetworks = request.AllowPrivateNetworks,
            },
            cancellationToken);

        if (response.NotModified || response.Document is null)
        {
            await _store.RecordUnchangedAsync(url, "not modified (HTTP 304)", cancellationToken);
            return new IngestOutcome(IngestStatus.Unchanged, request.Url, stored?.Id, stored?.EventCount ?? 0, "NotModified", "HTTP 304: the page has not changed");
        }

        var cleaned = _pipeline.Clean(response.Document, cancellationToken);
        if (cleaned.Result is null)
        {
            throw new FetchException(cleaned.Failure ?? FailureReason.ExtractorError, cleaned.Message ?? "the page could not be cleaned");
        }

        var article = cleaned.Result.Article with { Url = url };
        var hash = ContentHash(article);
        if (!request.Force && stored is { Status: ArticleStatus.Extracted } && stored.ContentHash == hash && stored.ExtractorVersion == _pipeline.ExtractorVersion)
        {
            await _store.RecordUnchangedAsync(url, "same content and extractor: not extracted again", cancellationToken);
            return new IngestOutcome(IngestStatus.Unchanged, request.Url, stored.Id, stored.EventCount, "Unchanged", "the article's content has not changed");
        }

        if (request.Languages.Count > 0 && article.Language is { } language && !request.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            var message = $"article language is '{language}'; this source keeps {string.Join(", ", request.Languages)}";
            await _store.RecordFailureAsync(url, request.SourceId, ArticleStatus.Skipped, "Language", message, final: true, cancellationToken);
            return new IngestOutcome(IngestStatus.Skipped, request.Url, stored?.Id, 0, "Language", message);
        }

        var extracted = _pipeline.Extract(cleaned with { Result = cleaned.Result with { Article = article } });
        if (extracted.Result is null)
        {
            throw new FetchException(extracted.Failure ?? FailureReason.ExtractorError, extracted.Message ?? "extraction failed");
        }

        var saved = await _store.SaveExtractionAsync(
            new ExtractionWrite(url, request.SourceId, extracted.Result.Article, extracted.Result.Events, hash, response.ETag, response.LastModified, _pipeline.ExtractorVersion, _pipeline.ModelVersion)
            {
                Warning = extracted.Message,
                Worker = _worker,
            },
            cancellationToken);
        return new IngestOutcome(IngestStatus.Extracted, request.Url, saved.ArticleId, saved.EventCount, saved.Outcome.ToString(), extracted.Message);
    }

    /// <summary>
    /// Runs extraction again over a stored article's text without fetching (after a model or extractor change);
    /// its events are replaced.
    /// </summary>
    public async Task<IngestOutcome> ReextractAsync(StoredArticle stored, CancellationToken cancellationToken)
    {
        var url = new Uri(stored.Url);
        if (stored.Article is null)
        {
            return new IngestOutcome(IngestStatus.Skipped, url, stored.Id, 0, "NoText", "the article has no stored text to extract from");
        }

        if (!await _store.TryClaimAsync(stored.Url, _worker, _options.Lease, cancellationToken))
        {
            return new IngestOutcome(IngestStatus.InProgress, url, stored.Id, 0, "InProgress", $"another worker is processing {stored.Url}");
        }

        try
        {
            var extracted = _pipeline.Extract(new PipelineOutcome(stored.Url, new ExtractionResult(stored.Article, []), null, null));
            if (extracted.Result is null)
            {
                throw new FetchException(extracted.Failure ?? FailureReason.ExtractorError, extracted.Message ?? "extraction failed");
            }

            var saved = await _store.SaveExtractionAsync(
                new ExtractionWrite(stored.Url, stored.SourceId, extracted.Result.Article, extracted.Result.Events, stored.ContentHash ?? ContentHash(stored.Article), stored.ETag, stored.LastModified, _pipeline.ExtractorVersion, _pipeline.ModelVersion)
                {
                    Warning = extracted.Message,
                },
                cancellationToken);
            return new IngestOutcome(IngestStatus.Extracted, url, saved.ArticleId, saved.EventCount, saved.Outcome.ToString(), extracted.Message);
        }
        catch (FetchException e)
        {
            await _store.RecordFailureAsync(stored.Url, stored.SourceId, ArticleStatus.Failed, e.Reason.ToString(), e.Message, final: true, CancellationToken.None);
            return new IngestOutcome(IngestStatus.Failed, url, stored.Id, 0, e.Reason.ToString(), e.Message);
        }
        catch (OperationCanceledException)
        {
            await _store.ReleaseAsync(stored.Url, _worker, CancellationToken.None);
            throw;
        }
    }

    /// <summary>What decides "unchanged": the cleaned title and text, not the raw bytes (ads and timestamps change those on every fetch).</summary>
    internal static string ContentHash(ArticleRecord article) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{article.Title}\n{article.Text}")));
}
