using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Clean;
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

        services.AddSingleton<ArticlePipeline>();
        return services;
    }

    public static ServiceProvider BuildPipelineServices() => new ServiceCollection().AddNewsLeakPipeline().BuildServiceProvider();
}
