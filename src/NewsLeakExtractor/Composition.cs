using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Assemble;
using NewsLeakExtractor.Classify;
using NewsLeakExtractor.Clean;
using NewsLeakExtractor.Extract;
using NewsLeakExtractor.Extract.Disclosure;
using NewsLeakExtractor.Extract.Mentions;
using NewsLeakExtractor.Extract.Reactions;
using NewsLeakExtractor.Extract.Sources;
using NewsLeakExtractor.Extract.Time;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Pipeline;

namespace NewsLeakExtractor.Cli;

/// <summary>The composition root: every stage of the pipeline is wired here and nowhere else.</summary>
public static class Composition
{
    public static IServiceCollection AddNewsLeakPipeline(this IServiceCollection services, FetchOptions? fetchOptions = null)
    {
        var options = fetchOptions ?? new FetchOptions();
        services.AddSingleton(options);

        // fetch
        services.AddSingleton(sp => new HttpPageFetcher(HttpPageFetcher.CreateDefaultClient(options), options));
        services.AddSingleton<InputLoader>();

        // clean
        services.AddSingleton<MetadataExtractor>();
        services.AddSingleton<MainTextExtractor>();
        services.AddSingleton<HtmlArticleCleaner>();

        // classify
        services.AddSingleton<SentenceClassifier>();

        // extract
        services.AddSingleton<LeakLexicons>();
        services.AddSingleton<Gazetteer>();
        services.AddSingleton<MentionFinder>();
        services.AddSingleton<EntityResolver>();
        services.AddSingleton<DisclosureFinder>();
        services.AddSingleton<ReportingSourceFinder>();
        services.AddSingleton<ReactionFinder>();
        services.AddSingleton<RelativeTimeResolver>();
        services.AddSingleton<LeakEventExtractor>();

        // assemble
        services.AddSingleton<EventAssembler>();

        services.AddSingleton<ArticlePipeline>();
        return services;
    }

    public static ServiceProvider BuildPipelineServices() => new ServiceCollection().AddNewsLeakPipeline().BuildServiceProvider();
}
