using JasperFx.Events;
using Kinerja.Application.Audit;
using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Infrastructure.Common;
using Marten;
using Npgsql;

namespace Kinerja.Infrastructure.Audit;

internal sealed class MartenAuditEvidence(IQuerySession session, IDocumentStore store, Tenancy.TenantSessions sessions, ChainKey key) : IAuditEvidence
{
    private string Events => $"{store.Options.Events.DatabaseSchemaName}.mt_events";

    public async Task<IReadOnlyDictionary<Guid, StreamSubject>> Subjects(IReadOnlyCollection<Guid> streamIds, CancellationToken ct)
    {
        var ids = streamIds.Distinct().ToArray();
        var subjects = new Dictionary<Guid, StreamSubject>();
        if (ids.Length == 0)
        {
            return subjects;
        }

        var opened = typeof(AppraisalOpened).GetEventTypeName();
        var created = typeof(CycleCreated).GetEventTypeName();
        await using var connection = await Open(ct);
        // An appraisal names its employee, cycle and unit in its opening event; a cycle is its own stream; any other stream
        // about an employee (profile, grant, JP ledger) is in the inline stream index.
        await Read(connection, $"""
            select stream_id, (data->>'employeeId')::uuid, (data->>'cycleId')::uuid, data->>'unitCode' from {Events}
            where stream_id = any(@ids) and type = '{opened}'
            union all
            select stream_id, null, stream_id, null from {Events} where stream_id = any(@ids) and type = '{created}'
            union all
            select s.value::uuid, d.id, null, null from {session.TableOf<EmployeeStreams>()} d
            cross join lateral jsonb_array_elements_text(d.data->'streamIds') s where s.value::uuid = any(@ids)
            """, ids, r => subjects.TryAdd(r.GetGuid(0), new StreamSubject(r.GetGuid(0), Nullable(r, 1), Nullable(r, 2), r.IsDBNull(3) ? null : r.GetString(3))), ct);
        return subjects;
    }

    public async Task<IReadOnlyList<SealedEvent>> Sealed(IReadOnlyCollection<Guid> streamIds, IReadOnlyCollection<Type> types, CancellationToken ct)
    {
        var ids = streamIds.ToArray();
        var names = types.Select(t => t.GetEventTypeName()).ToArray();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(ids) && e.EventTypeName.IsOneOf(names)).OrderBy(e => e.Sequence).ToListAsync(ct);
        var seals = (await session.LoadManyAsync<EventSeal>(ct, events.Select(e => EventSeal.IdFor(e.StreamId, e.Version)).ToArray()))
            .ToDictionary(s => s.Id, s => s.Hash);
        return [.. events.Select(e => new SealedEvent(
            e.Id, e.Sequence, e.StreamId, e.Version, e.EventTypeName, e.Timestamp, e.Data, seals.GetValueOrDefault(EventSeal.IdFor(e.StreamId, e.Version))))];
    }

    public Task<T?> AsOf<T>(Guid streamId, DateTimeOffset at, CancellationToken ct) where T : class =>
        session.Events.AggregateStreamAsync<T>(streamId, timestamp: EndOfMillisecond(at), token: ct);

    /// <summary>Instants are shown to the millisecond (docs/decisions/078): "as of a shown instant" takes in its whole millisecond.</summary>
    private static DateTimeOffset EndOfMillisecond(DateTimeOffset at) => Wit.MillisecondOf(at).AddMilliseconds(1).AddTicks(-1);

    public async Task<DigestComparison> Compare(KeptDigest kept, CancellationToken ct)
    {
        await using var connection = await Open(ct);
        var through = kept.ThroughSequence ?? await Scalar(connection, $"select coalesce(max(seq_id), 0) from {Events} where timestamp <= @at", EndOfMillisecond(kept.RecordedAt), ct);
        var walks = new List<ChainWalk>();
        ChainWalk? walk = null;
        // Every event of every stream, in order, with the seal stored for it: one pass and one stream's state in memory at a time.
        await Read(ChainRows.SealedCommand(connection, Events, session.TableOf<EventSeal>()), r =>
            {
                var (content, seal, sequence) = ChainRows.ReadSealed(r);
                if (walk?.StreamId != content.StreamId)
                {
                    walk = new ChainWalk(content.StreamId, key);
                    walks.Add(walk);
                }

                walk.Step(content, sequence, content.Timestamp, through, seal);
            }, ct);

        var then = walks.Where(w => w.VersionThen is not null && w.Sealed).OrderBy(w => w.StreamId).ToList();
        return new DigestComparison(
            ChainDigests.Of(then.Select(w => (w.StreamId, w.VersionThen!.Value, w.HashThen!)), key.Secret),
            then.Count,
            walks.Count(w => w.Sealed),
            through,
            [.. walks.Where(w => w.FirstBroken is not null).OrderBy(w => w.StreamId).Select(w => w.Verification())],
            [.. walks.Where(w => w.VersionThen != w.VersionNow).OrderBy(w => w.StreamId)
                .Select(w => new StreamChange(w.StreamId, w.VersionThen, w.VersionNow, w.LastRecordedAt))],
            ChainDigests.Of(then.Select(w => (w.StreamId, w.VersionThen!.Value, w.UnkeyedHashThen!))));
    }

    private async Task<NpgsqlConnection> Open(CancellationToken ct)
    {
        var connection = await sessions.Connection();
        await connection.OpenAsync(ct);
        return connection;
    }

    private static Task Read(NpgsqlConnection connection, string sql, Guid[] ids, Action<NpgsqlDataReader> row, CancellationToken ct)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids);
        return Read(command, row, ct);
    }

    /// <summary>Reads every row of <paramref name="command"/>, then disposes it.</summary>
    private static async Task Read(NpgsqlCommand command, Action<NpgsqlDataReader> row, CancellationToken ct)
    {
        await using var _ = command;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("at", at);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static Guid? Nullable(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetGuid(i);

}
