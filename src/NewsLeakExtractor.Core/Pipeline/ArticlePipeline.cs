using NewsLeakExtractor.Clean;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Extract;
using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Pipeline;

/// <summary>The whole chain for one input: fetch → clean → (classify → extract → assemble).</summary>
public sealed class ArticlePipeline
{
    private readonly InputLoader _loader;
    private readonly HtmlArticleCleaner _cleaner;
    private readonly LeakEventExtractor _extractor;

    public ArticlePipeline(InputLoader loader, HtmlArticleCleaner cleaner, LeakEventExtractor extractor)
    {
        _loader = loader;
        _cleaner = cleaner;
        _extractor = extractor;
    }

    /// <summary>The versions of the extractors and model behind each record.</summary>
    public string ExtractorVersion => _extractor.Version;

    /// <summary>The version of the trained sentence classifier alone.</summary>
    public string ModelVersion => _extractor.ModelVersion;

    /// <summary>Runs one input end to end; a failure comes back as an outcome with its reason, never as an exception.</summary>
    public async Task<PipelineOutcome> RunAsync(string input, CancellationToken cancellationToken)
    {
        try
        {
            var raw = await _loader.LoadAsync(input, cancellationToken);
            return Process(raw, cancellationToken) with { Input = input };
        }
        catch (FetchException e)
        {
            return PipelineOutcome.Failed(input, e.Reason, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return PipelineOutcome.Failed(input, FailureReason.ExtractorError, $"could not read {input}: {e.GetType().Name}: {e.Message}");
        }
    }

    public PipelineOutcome Process(RawDocument raw, CancellationToken cancellationToken = default) =>
        Guarded(raw, () => Extract(raw, _cleaner.Clean(raw, cancellationToken)));

    /// <summary>
    /// The first half of <see cref="Process"/>: cleaning only, for callers that decide from the cleaned article whether
    /// extraction is needed at all (the service skips an article whose content has not changed).
    /// </summary>
    public PipelineOutcome Clean(RawDocument raw, CancellationToken cancellationToken = default) =>
        Guarded(raw, () =>
        {
            var cleaned = _cleaner.Clean(raw, cancellationToken);
            return new PipelineOutcome(raw.Source.ToString(), new ExtractionResult(cleaned.Article, []), null, cleaned.Problem);
        });

    /// <summary>The second half: extraction over an article <see cref="Clean"/> produced.</summary>
    public PipelineOutcome Extract(PipelineOutcome cleaned)
    {
        ArgumentNullException.ThrowIfNull(cleaned.Result);
        var article = cleaned.Result.Article;
        return Guarded(cleaned.Input, () => Extract(article, cleaned.Message, cleaned.Input));
    }

    private PipelineOutcome Extract(RawDocument raw, CleanedArticle cleaned) => Extract(cleaned.Article, cleaned.Problem, raw.Source.ToString());

    private PipelineOutcome Extract(ArticleRecord article, string? cleaningProblem, string input)
    {
        // The extractors read English; another language is recorded, not guessed at.
        var english = article.Language is null or "en";
        var events = english ? _extractor.Extract(article) : [];
        var problem = cleaningProblem ?? (english ? null : $"article language is '{article.Language}': leak events are extracted from English only");
        return new PipelineOutcome(input, new ExtractionResult(article, events), null, problem);
    }

    private static PipelineOutcome Guarded(RawDocument raw, Func<PipelineOutcome> step) => Guarded(raw.Source.ToString(), step);

    private static PipelineOutcome Guarded(string source, Func<PipelineOutcome> step)
    {
        try
        {
            return step();
        }
        catch (FetchException e)
        {
            return PipelineOutcome.Failed(source, e.Reason, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return PipelineOutcome.Failed(source, FailureReason.ExtractorError, $"extractor failed on {source}: {e.GetType().Name}: {e.Message}");
        }
    }
}

/// <summary>The result of one input: the extraction, or the reason it failed; a warning when it succeeded with an empty text.</summary>
public sealed record PipelineOutcome(string Input, ExtractionResult? Result, FailureReason? Failure, string? Message)
{
    public bool Succeeded => Result is not null;

    public static PipelineOutcome Failed(string input, FailureReason reason, string message) => new(input, null, reason, message);
}
