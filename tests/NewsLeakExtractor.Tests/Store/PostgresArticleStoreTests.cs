using NewsLeakExtractor.Ingestion.Store;
using Npgsql;

namespace NewsLeakExtractor.Tests.Store;

/// <summary>
/// A database of its own on the PostgreSQL server named by NLE_TEST_POSTGRES (tests/run-all.sh starts a throwaway
/// one), created for one test and dropped afterwards, so tests running in parallel and CI runs never share rows.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private const string Variable = "NLE_TEST_POSTGRES";

    private static readonly string? ServerConnectionString = Environment.GetEnvironmentVariable(Variable);

    // Hex digits only: a database name cannot be a bound parameter, so it must be safe as written.
    private readonly string name = "nle_test_" + Guid.NewGuid().ToString("N")[..16];

    public override string? SkipReason => string.IsNullOrWhiteSpace(ServerConnectionString)
        ? $"{Variable} is not set (tests/run-all.sh starts a throwaway PostgreSQL and sets it)"
        : null;

    public override Task CreateAsync() => ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");

    public override Task DropAsync() => ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    public override SqlArticleStore Open(TimeProvider clock) =>
        new PostgresArticleStore(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString, clock);

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresArticleStoreTests() : ArticleStoreContractTests(new PostgresTestDatabase());
