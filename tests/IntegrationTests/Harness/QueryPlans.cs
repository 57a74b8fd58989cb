using Marten;
using Marten.Services;
using Npgsql;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>
/// Records the statements a session sends, then asks PostgreSQL for each one's plan with sequential scans priced out
/// (<c>enable_seqscan = off</c>): a statement that still scans a table has no index to use, however few rows the test holds.
/// </summary>
public sealed class QueryPlans : IMartenSessionLogger
{
    private readonly List<NpgsqlBatchCommand> _statements = [];

    public IReadOnlyList<string> Statements => [.. _statements.Select(s => s.CommandText)];

    /// <summary>Each recorded statement's plan (EXPLAIN, text format), in the order they ran.</summary>
    public async Task<IReadOnlyList<string>> Explain()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("set local enable_seqscan = off", connection, transaction))
        {
            await off.ExecuteNonQueryAsync();
        }

        var plans = new List<string>();
        foreach (var statement in _statements)
        {
            await using var explain = new NpgsqlCommand("explain " + statement.CommandText, connection, transaction);
            foreach (NpgsqlParameter parameter in statement.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }

            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            plans.Add(string.Join('\n', lines));
        }

        return plans;
    }

    public void LogSuccess(NpgsqlCommand command) => Record(command.CommandText, command.Parameters);

    public void LogSuccess(NpgsqlBatch batch)
    {
        foreach (NpgsqlBatchCommand command in batch.BatchCommands)
        {
            Record(command.CommandText, command.Parameters);
        }
    }

    private void Record(string sql, NpgsqlParameterCollection parameters)
    {
        var copy = new NpgsqlBatchCommand(sql);
        foreach (NpgsqlParameter parameter in parameters)
        {
            copy.Parameters.Add(parameter.Clone());
        }

        _statements.Add(copy);
    }

    public void LogFailure(NpgsqlCommand command, Exception ex)
    {
    }

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
    }

    public void LogFailure(Exception ex, string message)
    {
    }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }
}
