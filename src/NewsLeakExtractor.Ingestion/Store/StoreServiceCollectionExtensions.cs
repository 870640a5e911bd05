using Microsoft.Extensions.DependencyInjection;

namespace NewsLeakExtractor.Ingestion.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IArticleStore"/> as a singleton for the configured provider. The schema is not touched
    /// here: the host calls <see cref="IArticleStore.MigrateAsync"/> once at start-up.
    /// </summary>
    public static IServiceCollection AddArticleStore(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                services.AddSingleton<IArticleStore>(provider => SqliteArticleStore.FromOptions(options, provider.GetService<TimeProvider>()));
                break;
            case StorageProvider.Postgres:
                // Fail at start-up with the setting to fix, not at the first query.
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException(
                        "Storage:Provider is Postgres but Storage:ConnectionString is empty; set it to a PostgreSQL connection string "
                        + "(e.g. \"Host=db;Database=newsleaks;Username=nle;Password=...\").");
                }

                var connectionString = options.ConnectionString;
                services.AddSingleton<IArticleStore>(provider => new PostgresArticleStore(connectionString, provider.GetService<TimeProvider>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'.");
        }

        return services;
    }
}
