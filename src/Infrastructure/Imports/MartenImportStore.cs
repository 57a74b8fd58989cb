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
using Marten.Services;
using Npgsql;

namespace Kinerja.Infrastructure.Imports;

/// <summary>
/// Lookups by primary key or unique index, a batch at a time; and the batch's commit: one PostgreSQL transaction shared by one Marten
/// session per row, because the metadata that names a row's cause (causation id, headers, the seal over them) belongs to a session.
/// The rows' statements go to the server session by session, but only the batch's commit waits for the disk.
/// </summary>
internal sealed class MartenImportStore(IDocumentStore store, IQuerySession query, ICurrentActor current) : IImportStore
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
        await using var connection = store.Storage.Database.CreateConnection();
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

    public async Task Commit(ImportRun run, IReadOnlyList<ImportedRow> rows, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            foreach (var row in rows.Where(r => r.Writes.Count > 0))
            {
                await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
                var cause = $"import/{run.Id}/{row.Line}";
                MartenEventStore.Stamp(session, current.Actor, current.CorrelationId, cause, current.Reason ?? $"import {run.Kind} {run.Id} line {row.Line}");
                session.SetHeader(EventHeaders.ImportFile, run.Id);
                session.SetHeader(EventHeaders.ImportLine, row.Line);
                foreach (var write in row.Writes)
                {
                    if (write.VersionBefore is { } before)
                    {
                        session.Events.Append(write.Id, before + write.Events.Count, [.. write.Events]);
                    }
                    else
                    {
                        session.Events.StartStream(write.Aggregate, write.Id, [.. write.Events]);
                    }
                }

                await session.SaveChangesAsync(ct);
            }

            await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction)))
            {
                session.Store(run);
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
}
