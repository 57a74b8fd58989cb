using Kinerja.Application.Audit;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Infrastructure.Common;
using Marten;
using JasperFx;
using Npgsql;

namespace Kinerja.Infrastructure.Audit;

internal sealed class MartenAuditTrail(IQuerySession session, IDocumentStore store, Tenancy.TenantSessions sessions, TimeProvider clock, ChainKey key, DigestArchive archive) : IAuditTrail
{
    public async Task<IReadOnlyList<Guid>> StreamsOf(Guid employeeId, CancellationToken ct) =>
        (await session.LoadAsync<EmployeeStreams>(employeeId, ct))?.StreamIds ?? [employeeId];

    /// <summary>Stored .NET type names of every event type with an effective date, as Marten writes them in mt_dotnet_type.</summary>
    private static readonly string[] EffectiveDatedTypes = [.. typeof(IEffectiveDated).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEffectiveDated).IsAssignableFrom(t))
        .Select(t => $"{t.FullName}, {t.Assembly.GetName().Name}")];

    public async Task<IReadOnlyList<RecordedEvent>> EffectiveDatedEvents(long afterSequence, int limit, CancellationToken ct) =>
        Recorded(await session.Events.QueryAllRawEvents()
            .Where(e => e.DotNetTypeName.IsOneOf(EffectiveDatedTypes) && e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence).Take(limit).ToListAsync(ct));

    public async Task<IReadOnlyList<RecordedEvent>> Events(IReadOnlyCollection<Guid> streamIds, AuditFilter filter, CancellationToken ct)
    {
        var ids = streamIds.ToArray();
        var query = session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids) && e.EventTypeName != "tombstone");
        if (filter.AfterSequence is { } after)
        {
            query = query.Where(e => e.Sequence > after);
        }

        if (filter.From is { } from)
        {
            var since = Wit.MillisecondOf(from);
            query = query.Where(e => e.Timestamp >= since);
        }

        if (filter.To is { } to)
        {
            // Instants are shown to the millisecond (docs/decisions/078): "until a shown recordedAt" takes in its whole millisecond.
            var until = Wit.MillisecondOf(to).AddMilliseconds(1);
            query = query.Where(e => e.Timestamp < until);
        }

        if (filter.Types is { Count: > 0 } types)
        {
            var names = types.ToArray();
            query = query.Where(e => e.EventTypeName.IsOneOf(names));
        }

        return Recorded(await query.OrderBy(e => e.Sequence).Take(filter.Limit).ToListAsync(ct));
    }

    private static IReadOnlyList<RecordedEvent> Recorded(IEnumerable<JasperFx.Events.IEvent> events) =>
        [.. events.Select(e => new RecordedEvent(
            e.Sequence, e.StreamId, e.Version, e.EventTypeName, e.Data, e.Timestamp, e.UserName,
            e.Header(EventHeaders.Role), e.Header(EventHeaders.ActorNip), e.CorrelationId, e.CausationId,
            e.Header(EventHeaders.Reason), e.Header(EventHeaders.ActorAccount)))];

    /// <summary>Recomputes each chain from the stored rows (jsonb as text), not from deserialised objects, so added or altered fields count.</summary>
    public async Task<IReadOnlyList<StreamVerification>> Verify(IReadOnlyCollection<Guid> streamIds, CancellationToken ct)
    {
        var ids = streamIds.ToArray();
        var seals = (await session.Query<EventSeal>().Where(s => s.StreamId.IsOneOf(ids)).ToListAsync(ct)).ToDictionary(s => s.Id);
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = await sessions.Connection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select {ChainRows.Columns("e")} from {schema}.mt_events e where e.stream_id = any(@ids) and e.type <> 'tombstone' order by e.stream_id, e.version",
            connection);
        command.Parameters.AddWithValue("ids", ids);
        var rows = new List<ChainHash.Content>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add(ChainRows.Read(reader));
            }
        }

        return [.. ids.Select(id => Check(id, [.. rows.Where(r => r.StreamId == id)], seals))];
    }

    public async Task<IReadOnlyList<Guid>> AppraisalStreamsOf(Guid cycleId, CancellationToken ct) =>
        [.. await session.QueryAsync<Guid>(
            $"select stream_id from {store.Options.Events.DatabaseSchemaName}.mt_events where type = 'appraisal_opened' and data->>'cycleId' = ?",
            ct, cycleId.ToString())];

    public async Task<IReadOnlyList<RecordedEvent>> EventsAfterCycleClosed(long afterSequence, int limit, CancellationToken ct)
    {
        var events = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
        // Commit order, not timestamps, says what came after the closure: one transaction's events share a timestamp.
        var sequences = (await session.QueryAsync<long>(
            $"""
            with closed as (select stream_id as cycle_id, min(seq_id) as closed_seq from {events} where type = 'cycle_closed' group by stream_id),
            owners as (select stream_id, (data->>'cycleId')::uuid as cycle_id from {events} where type = 'appraisal_opened'
                       union all select cycle_id, cycle_id from closed)
            select e.seq_id from {events} e join owners o on o.stream_id = e.stream_id join closed c on c.cycle_id = o.cycle_id
            where e.seq_id > c.closed_seq and e.seq_id > ? and e.type <> 'tombstone' order by e.seq_id limit ?
            """, ct, afterSequence, limit)).ToArray();
        return sequences.Length == 0 ? [] : Recorded(await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence.IsOneOf(sequences)).OrderBy(e => e.Sequence).ToListAsync(ct));
    }

    public async Task<IReadOnlyList<Guid>> AllStreams(CancellationToken ct) =>
        [.. await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName != "tombstone").Select(e => e.StreamId).Distinct().ToListAsync(ct)];

    public async Task<ChainDigest> RecordDigest(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var digest = await Digest(now.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), now, ct);
        await using var writer = sessions.Write();
        await archive.Append(digest, ct);
        writer.Store(digest);
        await writer.SaveChangesAsync(ct);
        return digest;
    }

    public async Task<ChainDigest?> RecordDailyDigest(DateOnly day, CancellationToken ct)
    {
        var id = $"daily-{day:yyyy-MM-dd}";
        if (await session.LoadAsync<ChainDigest>(id, ct) is not null)
        {
            return null;
        }

        var digest = await Digest(id, clock.GetUtcNow(), ct);
        await using var writer = sessions.Write();
        // Insert, not Store: on several nodes the first to commit the day's digest wins and the others find it taken.
        await archive.Append(digest, ct);
        writer.Insert(digest);
        try
        {
            await writer.SaveChangesAsync(ct);
            return digest;
        }
        catch (DocumentAlreadyExistsException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ChainDigest>> Digests(DateTimeOffset? before, int limit, CancellationToken ct)
    {
        var query = session.Query<ChainDigest>().AsQueryable();
        if (before is { } b)
        {
            var utc = b.ToUniversalTime();
            query = query.Where(d => d.RecordedAt < utc);
        }

        return await query.OrderByDescending(d => d.RecordedAt).Take(limit).ToListAsync(ct);
    }

    /// <summary>
    /// The heads as of the last committed sequence, which the digest names, so that a copy kept outside can later be recomputed over
    /// exactly these heads (<c>verify-digest</c>).
    /// </summary>
    private async Task<ChainDigest> Digest(string id, DateTimeOffset now, CancellationToken ct)
    {
        var events = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
        var through = (await session.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {events}", ct)).Single();
        var heads = await session.QueryAsync<string>(
            $"select replace(stream_id::text, '-', '') || ':' || max(version) from {events} where seq_id <= ? and type <> 'tombstone' group by stream_id",
            ct, through);
        var seals = await session.LoadManyAsync<EventSeal>(ct, heads.ToArray());
        return new ChainDigest(id, now, seals.Count, ChainDigests.Of(seals.Select(s => (s.StreamId, s.Version, s.Hash)), key.Secret), through, key.SchemeInUse);
    }

    private StreamVerification Check(Guid streamId, IReadOnlyList<ChainHash.Content> events, Dictionary<string, EventSeal> seals)
    {
        var walk = new ChainWalk(streamId, key);
        foreach (var e in events)
        {
            walk.Step(e, 0, default, 0, seals.GetValueOrDefault(EventSeal.IdFor(streamId, e.Version)));
        }

        return walk.Verification();
    }
}
