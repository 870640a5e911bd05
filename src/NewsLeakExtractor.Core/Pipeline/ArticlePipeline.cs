using NewsLeakExtractor.Clean;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Pipeline;

/// <summary>The whole chain for one input: fetch → clean → (classify → extract → assemble).</summary>
public sealed class ArticlePipeline
{
    private readonly InputLoader _loader;
    private readonly HtmlArticleCleaner _cleaner;

    public ArticlePipeline(InputLoader loader, HtmlArticleCleaner cleaner)
    {
        _loader = loader;
        _cleaner = cleaner;
    }

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

    public PipelineOutcome Process(RawDocument raw, CancellationToken cancellationToken = default)
    {
        try
        {
            var cleaned = _cleaner.Clean(raw, cancellationToken);
            var result = new ExtractionResult(cleaned.Article, []);
            return new PipelineOutcome(raw.Source.ToString(), result, null, cleaned.Problem);
        }
        catch (FetchException e)
        {
            return PipelineOutcome.Failed(raw.Source.ToString(), e.Reason, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return PipelineOutcome.Failed(raw.Source.ToString(), FailureReason.ExtractorError, $"extractor failed on {raw.Source}: {e.GetType().Name}: {e.Message}");
        }
    }
}

/// <summary>The result of one input: the extraction, or the reason it failed; a warning when it succeeded with an empty text.</summary>
public sealed record PipelineOutcome(string Input, ExtractionResult? Result, FailureReason? Failure, string? Message)
{
    public bool Succeeded => Result is not null;

    public static PipelineOutcome Failed(string input, FailureReason reason, string message) => new(input, null, reason, message);
}
