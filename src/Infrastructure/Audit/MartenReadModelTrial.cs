using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Audit.TryingReadModels;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Talent;
using Kinerja.Infrastructure.Appraisals;
using Kinerja.Infrastructure.Employees;
using Kinerja.Infrastructure.Ranking;
using Kinerja.Infrastructure.Talent;
using Marten;
using Npgsql;

namespace Kinerja.Infrastructure.Audit;

/// <summary>
/// A second store with the live configuration in a scratch schema: the live events are copied in row by row (metadata and
/// sequence numbers intact), the projections rebuilt by Marten's own daemon, and every document compared as JSON.
/// </summary>
/// <param name="configure">The live configuration for a scratch schema, on the instansi's connection string (null: the main one).</param>
internal sealed class MartenReadModelTrial(IDocumentStore live, Tenancy.TenantSessions sessions, Action<StoreOptions, string, string?> configure) : IReadModelTrial
{
    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromMinutes(30);

    public async Task<ReadModelTrialReport> Run(string? projection, CancellationToken ct)
    {
        var options = (StoreOptions)live.Options;
        var stored = ReadModels.StoredProjections.Of(options).ToList();
        var sources = stored.Where(p => projection is null || p.Name == projection).ToList();
        if (sources.Count == 0)
        {
            throw new NotFound("projection-not-found",
                $"No projection is named {projection}; there are {string.Join(", ", stored.Select(p => p.Name))}.");
        }

        var liveSchema = live.Options.DatabaseSchemaName;
        var scratch = $"trial_{Guid.NewGuid():N}";
        // The scope's instansi's database (docs/decisions/145): the scratch schema sits beside its live one.
        var tenantConnection = await sessions.ConnectionString();
        await using var connection = await sessions.Connection();
        await connection.OpenAsync(ct);
        try
        {
            using var store = DocumentStore.For(opts => configure(opts, scratch, tenantConnection));
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await CopyEvents(connection, liveSchema, scratch, ct);
            using var daemon = await store.BuildProjectionDaemonAsync();
            var differences = new List<ReadModelDifference>();
            long compared = 0;
            foreach (var source in sources)
            {
                await daemon.RebuildProjectionAsync(source.Name, RebuildTimeout, ct);
                foreach (var type in source.PublishedTypes())
                {
                    var table = live.Options.FindOrResolveDocumentType(type).TableName.Name;
                    var queries = new List<Func<string, string>> { schema => $"select id::text, data::text from {schema}.{table}" };
                    if (type == typeof(AppraisalStanding))
                    {
                        // Kept by triggers on the standings' table (docs/decisions/166): rebuilt with it, and compared with it.
                        queries.Add(schema => $"""
                            select concat_ws('/', '{RankingTally.TableName}', cycle_id, unit_code, rank_class), json_build_object('appraisals', appraisals)::text
                            from {schema}.{RankingTally.TableName} where appraisals <> 0
                            """);
                        // Kept by a trigger on the events (docs/decisions/168): the scratch schema's are written as its events are copied in.
                        queries.Add(schema => $"""
                            select concat_ws('/', '{PublicFeedbackRows.Submissions}', appraisal_id, submission_id), json_build_object('receivedAt', received_at)::text
                            from {schema}.{PublicFeedbackRows.Submissions}
                            """);
                        queries.Add(schema => $"""
                            select concat_ws('/', '{PublicFeedbackRows.Respondents}', appraisal_id, respondent), response::text
                            from {schema}.{PublicFeedbackRows.Respondents}
                            """);
                    }

                    if (type == typeof(EmployeeProfile))
                    {
                        // Kept by triggers on the profiles' table (docs/decisions/175): rebuilt with it, and compared with it.
                        queries.Add(schema => $"""
                            select concat_ws('/', '{EmployeeSearchRows.TableName}', id), json_build_object('nip', nip, 'name', name, 'title', title,
                              'fullName', full_name, 'unitCode', unit_code)::text
                            from {schema}.{EmployeeSearchRows.TableName}
                            """);
                    }

                    if (type == typeof(TalentProfile))
                    {
                        // Kept by triggers on the profiles' table (docs/decisions/169): rebuilt with it, and compared with it. Their place is
                        // taken from the cycles' period ends, which a trial of this projection alone does not rebuild: it is not compared, and
                        // the grid checks it on every read (docs/decisions/176).
                        queries.Add(schema => $"""
                            select concat_ws('/', '{TalentGridRows.TableName}', grid_key, id), json_build_object('nip', nip, 'predikat', predikat,
                              'unitCode', unit_code, 'fullName', full_name, 'potentialValues', potential_values, 'potentialDays', potential_days,
                              'potentialTicks', potential_ticks)::text
                            from {schema}.{TalentGridRows.TableName}
                            """);
                    }

                    foreach (var query in queries)
                    {
                        var liveDocs = await Documents(connection, query(liveSchema), ct);
                        var rebuilt = await Documents(connection, query(scratch), ct);
                        compared += liveDocs.Keys.Union(rebuilt.Keys).Count();
                        differences.AddRange(liveDocs.Keys.Union(rebuilt.Keys).Order(StringComparer.Ordinal).SelectMany(id =>
                            JsonDiff.Between(liveDocs.GetValueOrDefault(id), rebuilt.GetValueOrDefault(id), "$")
                                .Select(d => new ReadModelDifference(source.Name, id, d.Path, d.Live, d.Rebuilt))));
                    }
                }
            }

            return new ReadModelTrialReport([.. sources.Select(s => s.Name)], compared, differences);
        }
        finally
        {
            await using var drop = new NpgsqlCommand($"drop schema if exists {scratch} cascade", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task CopyEvents(NpgsqlConnection connection, string from, string to, CancellationToken ct)
    {
        foreach (var table in new[] { "mt_streams", "mt_events" })
        {
            await using var columns = new NpgsqlCommand(
                "select string_agg(quote_ident(column_name), ', ' order by ordinal_position) from information_schema.columns where table_schema = @s and table_name = @t",
                connection);
            columns.Parameters.AddWithValue("s", from);
            columns.Parameters.AddWithValue("t", table);
            var list = (string)(await columns.ExecuteScalarAsync(ct))!;
            await using var copy = new NpgsqlCommand($"insert into {to}.{table} ({list}) select {list} from {from}.{table}", connection);
            await copy.ExecuteNonQueryAsync(ct);
        }

        // The daemon reads up to the sequence's high-water mark.
        await using var sequence = new NpgsqlCommand(
            $"select setval('{to}.mt_events_sequence', greatest((select max(seq_id) from {to}.mt_events), 1))", connection);
        await sequence.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Rows of (key, JSON) by key: a table's documents, or a kept table's rows shaped as documents.</summary>
    private static async Task<Dictionary<string, JsonNode?>> Documents(NpgsqlConnection connection, string query, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var documents = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            documents[reader.GetString(0)] = JsonNode.Parse(reader.GetString(1));
        }

        return documents;
    }
}

/// <summary>Field-by-field differences of two JSON documents, with JSONPath-like paths; a missing side is null.</summary>
internal static class JsonDiff
{
    public sealed record Difference(string Path, string? Live, string? Rebuilt);

    public static IEnumerable<Difference> Between(JsonNode? live, JsonNode? rebuilt, string path) => (live, rebuilt) switch
    {
        (JsonObject a, JsonObject b) => a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal)
            .SelectMany(key => Between(a[key], b[key], $"{path}.{key}")),
        (JsonArray a, JsonArray b) => Enumerable.Range(0, Math.Max(a.Count, b.Count))
            .SelectMany(i => Between(i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, $"{path}[{i}]")),
        _ when JsonNode.DeepEquals(live, rebuilt) => [],
        _ => [new Difference(path, live?.ToJsonString(), rebuilt?.ToJsonString())],
    };
}
