using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql.Factories;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Assemble;
using NewsLeakExtractor.Classify;
using NewsLeakExtractor.Cli.Dashboard;
using NewsLeakExtractor.Clean;
using NewsLeakExtractor.Extract;
using NewsLeakExtractor.Extract.Disclosure;
using NewsLeakExtractor.Extract.Mentions;
using NewsLeakExtractor.Extract.Reactions;
using NewsLeakExtractor.Extract.Sources;
using NewsLeakExtractor.Extract.Time;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Ingestion.Fetch;
using NewsLeakExtractor.Ingestion.Ingest;
using NewsLeakExtractor.Ingestion.Jobs;
using NewsLeakExtractor.Ingestion.Sources;
using NewsLeakExtractor.Ingestion.Store;
using NewsLeakExtractor.Pipeline;

namespace NewsLeakExtractor.Cli;

/// <summary>The composition root: every stage of the pipeline, and the service around it, is wired here and nowhere else.</summary>
public static class Composition
{
    /// <summary>fetch → clean → classify → extract → assemble, as the command line runs it over files and URLs.</summary>
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

    /// <summary>
    /// The pipeline plus what the service adds around it: sources, the polite fetcher, the store, and the Hangfire jobs
    /// that poll and process. <paramref name="runJobs"/> false gives the same chain without a job server (the CLI's reprocess).
    /// </summary>
    public static IServiceCollection AddNewsLeakService(this IServiceCollection services, IConfiguration configuration, bool runJobs = true)
    {
        var storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var ingest = configuration.GetSection("Ingest").Get<IngestOptions>() ?? new IngestOptions();
        var jobs = configuration.GetSection("Jobs").Get<JobServerOptions>() ?? new JobServerOptions();

        services.AddNewsLeakPipeline();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(storage);
        services.AddSingleton(ingest);
        services.AddSingleton(configuration.GetSection("Pipelines").Get<PipelinesOptions>() ?? new PipelinesOptions());

        // sources and the service's fetch stage
        services.AddSingleton<PipelineRegistry>();
        services.AddSingleton<FeedReader>();
        services.AddPoliteFetcher(configuration.GetSection("Fetch"));

        // store
        services.AddArticleStore(storage);

        // the chain for one URL, and the polls that feed it
        services.AddSingleton<ArticleIngestor>();
        services.AddSingleton<SourcePoller>();
        services.AddSingleton<ManualReprocessor>();

        // jobs: Hangfire's queue lives in memory beside SQLite, and in the shared PostgreSQL when scaled out
        services.AddTransient<PollSourceJob>();
        services.AddTransient<ProcessArticleJob>();
        // Hangfire keeps its storage and activator in statics by default; registering them here first makes each host
        // (and each test host in one process) use its own.
        services.AddSingleton<JobStorage>(_ => storage.Provider == StorageProvider.Postgres
            ? CreatePostgresJobStorage(storage, jobs)
            : new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .UseLogProvider(new HostBoundLogProvider(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (runJobs)
        {
            // Registered before the job server so the schema and the schedules exist when its workers start.
            services.AddHostedService<RecurringPollRegistrar>();
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = jobs.WorkerCount;
                server.ShutdownTimeout = jobs.ShutdownTimeout;
                server.SchedulePollingInterval = jobs.SchedulePollingInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        return services;
    }

    private static PostgreSqlStorage CreatePostgresJobStorage(StorageOptions storage, JobServerOptions jobs)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            QueuePollInterval = jobs.QueuePollInterval,
            PrepareSchemaIfNecessary = true,
        };
        var connectionString = storage.ConnectionString ?? throw new InvalidOperationException("Storage:ConnectionString is required for PostgreSQL");
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>
    /// The web host: the service, plus the dashboard's pages, the admin sign-in and the one access rule for
    /// pages, API and /hangfire. The command line's reprocess needs none of it, so it stays out of <see cref="AddNewsLeakService"/>.
    /// </summary>
    public static IServiceCollection AddNewsLeakWebHost(this IServiceCollection services, IConfiguration configuration) =>
        services.AddNewsLeakService(configuration).AddDashboard(configuration);
}
