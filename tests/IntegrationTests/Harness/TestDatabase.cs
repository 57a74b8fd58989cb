using Npgsql;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>The run's PostgreSQL, provisioned by scripts/test.sh (KINERJA_TEST_CONNECTION).</summary>
public static class TestDatabase
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("KINERJA_TEST_CONNECTION")
        ?? throw new InvalidOperationException(
            "KINERJA_TEST_CONNECTION is not set: run the tests with scripts/test.sh, which provisions PostgreSQL, or point it at a database.");

    public static async Task DropSchema(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
        await command.ExecuteNonQueryAsync();
    }
}
