using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Clean;
using NewsLeakExtractor.Cli;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Pipeline;

namespace NewsLeakExtractor.Tests.Support;

/// <summary>The pipeline as the CLI composes it, plus helpers that bound every run in time.</summary>
internal static class Pipelines
{
    /// <summary>No single input may take longer than this; a hang fails the test instead of stalling the suite.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    public static ServiceProvider Build(FetchOptions? options = null) =>
        options is null ? Composition.BuildPipelineServices() : new ServiceCollection().AddNewsLeakPipeline(options).BuildServiceProvider();

    /// <summary>Runs one input through a fresh pipeline, failing the test if it takes longer than <see cref="TimeLimit"/>.</summary>
    public static async Task<PipelineOutcome> RunAsync(string input, FetchOptions? options = null)
    {
        await using var services = Build(options);
        return await RunAsync(services.GetRequiredService<ArticlePipeline>(), input);
    }

    public static async Task<PipelineOutcome> RunAsync(ArticlePipeline pipeline, string input)
    {
        using var cts = new CancellationTokenSource(TimeLimit);
        return await pipeline.RunAsync(input, cts.Token).WaitAsync(TimeLimit + TimeSpan.FromSeconds(2));
    }

    /// <summary>Cleans an HTML string as if it had been served as UTF-8 from <c>https://example.test/story</c>.</summary>
    public static Task<CleanedArticle> CleanHtmlAsync(string html, string mediaType = "text/html") =>
        CleanBytesAsync(Encoding.UTF8.GetBytes(html), mediaType, charset: null);

    /// <summary>Cleans raw bytes with the composed cleaner, failing the test if it takes longer than <see cref="TimeLimit"/>.</summary>
    public static async Task<CleanedArticle> CleanBytesAsync(byte[] bytes, string mediaType = "text/html", string? charset = null)
    {
        await using var services = Build();
        var cleaner = services.GetRequiredService<HtmlArticleCleaner>();
        var raw = new RawDocument(new Uri("https://example.test/story"), bytes, mediaType, charset);
        using var cts = new CancellationTokenSource(TimeLimit);
        return await Task.Run(() => cleaner.Clean(raw, cts.Token), cts.Token).WaitAsync(TimeLimit);
    }

    /// <summary>Wraps body paragraphs in a minimal page with an &lt;article&gt;.</summary>
    public static string Page(string articleInnerHtml, string title = "A test page") =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><div class=\"page\"><article>{articleInnerHtml}</article></div></body></html>";
}
