using System.Diagnostics;
using Marten;
using Npgsql;

namespace Kinerja.Tools;

/// <summary>
/// Refreshes PostgreSQL's planner statistics at once after a bulk load (a generated city) or a full rebuild, instead
/// of waiting for autovacuum to notice. Until then the planner works from the statistics the tables had before the
/// load: the rebuild that followed a generated city took 42.7 s where the second one took 18.8 s, and 20–24 s once
/// the generator ran <c>analyze</c> (docs/decisions/063).
/// </summary>
public static class PlannerStatistics
{
    /// <param name="vacuum">Also clear the dead rows a rebuild leaves behind (<c>vacuum analyze</c>).</param>
    /// <returns>How long it took.</returns>
    public static async Task<TimeSpan> Refresh(IDocumentStore store, bool vacuum, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(vacuum ? "vacuum analyze" : "analyze", connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(ct);
        return clock.Elapsed;
    }
}
