using Npgsql;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>The run's PostgreSQL, provisioned by scripts/test.sh (KINERJA_TEST_CONNECTION).</summary>
public static class TestDatabase
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("KINERJA_TEST_CONNECTION")
        ?? throw new InvalidOperationException(
            "KINERJA_TEST_CONNECTION is not set: run the tests with scripts/test.sh, which provisions PostgreSQL, or point it at a database.");

    public static Task DropSchema(string schema) => Execute($"drop schema if exists {schema} cascade");

    /// <summary>Runs SQL straight against PostgreSQL, behind the application's back (e.g. to tamper with a stored event).</summary>
    public static async Task<int> Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<object?> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
