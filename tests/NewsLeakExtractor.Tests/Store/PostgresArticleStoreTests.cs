using NewsLeakExtractor.Ingestion.Store;
using Npgsql;
using Xunit.Abstractions;

namespace NewsLeakExtractor.Tests.Store;

/// <summary>
/// The store contract on PostgreSQL, against the server named by NLE_TEST_POSTGRES (tests/run-all.sh starts a
/// throwaway one). Every test gets a database of its own, created here and dropped afterwards, so tests and CI runs
/// never see each other's rows.
/// </summary>
public sealed class PostgresArticleStoreTests(ITestOutputHelper output) : ArticleStoreContractTests(output)
{
    private const string Variable = "NLE_TEST_POSTGRES";

    private static readonly string? ServerConnectionString = Environment.GetEnvironmentVariable(Variable);

    // Generated from hex digits only: a database name cannot be a bound parameter, so it must be safe as written.
    private readonly string database = "nle_test_" + Guid.NewGuid().ToString("N")[..16];

    protected override string? SkipReason => string.IsNullOrWhiteSpace(ServerConnectionString)
        ? $"{Variable} is not set (tests/run-all.sh starts a throwaway PostgreSQL and sets it)"
        : null;

    protected override async Task CreateDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task DropDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override SqlArticleStore OpenStore(TimeProvider clock) =>
        new PostgresArticleStore(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString, clock);
}
