using JasperFx;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Imports;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Positions;
using Kinerja.Domain.Units;
using Kinerja.Infrastructure.Common;
using Kinerja.Infrastructure.Employees;
using Marten;
using Npgsql;

namespace Kinerja.Infrastructure.Imports;

/// <summary>
/// Lookups by primary key or unique index, a batch at a time; and the batch's commit: one transaction, in which each row's events carry
/// the row's own cause (causation id and line header) beside the session's actor, correlation and reason.
/// </summary>
internal sealed class MartenImportStore(IDocumentStore store, Tenancy.TenantSessions sessions, IQuerySession query, ICurrentActor current) : IImportStore
{
    public Task<ImportRun?> Find(string id, CancellationToken ct) => query.LoadAsync<ImportRun>(id, ct);

    public async Task<IReadOnlyList<UnitKerja>> Units(IReadOnlyCollection<string> codes, CancellationToken ct) =>
        await query.LoadManyAsync<UnitKerja>(ct, codes.Select(UnitKerja.IdFor));

    public async Task<IReadOnlyList<Jabatan>> Positions(IReadOnlyCollection<string> codes, CancellationToken ct) =>
        await query.LoadManyAsync<Jabatan>(ct, codes.Select(Jabatan.IdFor));

    public async Task<IReadOnlyList<EmployeeEntry>> EmployeesByNip(IReadOnlyCollection<string> nips, CancellationToken ct)
    {
        var profiles = await query.Query<EmployeeProfile>().Where(p => p.Nip.IsOneOf(nips.ToArray())).ToListAsync(ct);
        return await EmployeesById([.. profiles.Select(p => p.Id)], ct);
    }

    public async Task<IReadOnlyList<EmployeeEntry>> EmployeesById(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var states = await query.LoadManyAsync<Employee>(ct, ids);
        var versions = await Versions(ids, ct);
        return [.. states.Where(s => versions.ContainsKey(s.Id)).Select(s => new EmployeeEntry(s, versions[s.Id]))];
    }

    public async Task<IReadOnlyList<string>> FormerNips(IReadOnlyCollection<string> nips, CancellationToken ct) =>
        [.. (await query.LoadManyAsync<FormerNipHolder>(ct, nips)).Select(h => h.Id)];

    /// <summary>Stream versions from the streams table (an inline snapshot does not carry one): the appends' version checks start from them.</summary>
    private async Task<Dictionary<Guid, long>> Versions(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        // The instansi's database (docs/decisions/145), as every session of the request.
        await using var connection = await sessions.Connection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select id, version from {store.Options.Events.DatabaseSchemaName}.mt_streams where id = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var versions = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            versions[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        return versions;
    }

    /// <summary>
    /// Rows per session inside the batch's transaction: Marten's unit of work compares each queued document operation with every one
    /// queued before it in the session, so a session over a whole batch of 500 registrations (four documents each) spent a fifth of the
    /// import's processor time there; sessions of 100 rows cut that fivefold for a few more round trips (docs/decisions/149).
    /// </summary>
    internal const int SessionRows = 100;

    public async Task Commit(ImportRun run, IReadOnlyList<ImportedRow> rows, CancellationToken ct)
    {
        await using var connection = await sessions.Connection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await PlanOnce(connection, transaction, ct);
            var slices = rows.Count == 0 ? [[]] : rows.Chunk(SessionRows).ToList();
            for (var i = 0; i < slices.Count; i++)
            {
                await using var session = sessions.Write(transaction);
                Append(session, run, slices[i]);
                if (i == slices.Count - 1)
                {
                    session.Store(run);
                }

                await session.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (ConcurrencyException)
        {
            throw new ConcurrencyConflict("A record the import writes was changed by another writer since it was read.");
        }
        catch (Exception ex) when (MartenEventStore.IsDuplicateKey(ex))
        {
            throw new DuplicateKey("A record with the same key was committed first.");
        }
    }

    /// <summary>
    /// The batch's statements are the same few thousand times over (the quick-append function and its inserts, one upsert per inline
    /// read model): for this transaction PostgreSQL may keep one generic plan each instead of planning every execution again, as the
    /// connection's <c>force_custom_plan</c> makes it do for the reads it exists for (docs/decisions/063, 163). Every statement here
    /// writes or reads by primary key or unique index, where the generic plan is the custom one.
    /// </summary>
    private static async Task PlanOnce(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(MartenEventStore.PlanSetting, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The rows' events in one session, each carrying its row's own cause beside the session's actor, correlation and reason.</summary>
    private void Append(IDocumentSession session, ImportRun run, IEnumerable<ImportedRow> rows)
    {
        MartenEventStore.Stamp(session, current.Actor, current.CorrelationId, null, current.Reason ?? $"import {run.Kind} {run.Id}");
        session.SetHeader(EventHeaders.ImportFile, run.Id);
        var appended = new HashSet<Guid>();
        foreach (var row in rows)
        {
            foreach (var write in row.Writes)
            {
                var stream = write.VersionBefore is not { } before ? session.Events.StartStream(write.Aggregate, write.Id, [.. write.Events])
                    : appended.Add(write.Id) ? session.Events.Append(write.Id, before + write.Events.Count, [.. write.Events])
                    : session.Events.Append(write.Id, [.. write.Events]);
                // Marten keeps an event's own causation and headers beside the session's, and the seal covers them (EventSealer).
                foreach (var e in stream.Events.TakeLast(write.Events.Count))
                {
                    e.CausationId = $"import/{run.Id}/{row.Line}";
                    e.SetHeader(EventHeaders.ImportLine, row.Line);
                }
            }
        }
    }
}
