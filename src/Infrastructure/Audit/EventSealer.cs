using JasperFx.Events;
using Kinerja.Infrastructure.Common;
using Marten;

namespace Kinerja.Infrastructure.Audit;

/// <summary>
/// Seals every appended event with its chained hash before the unit of work commits, whatever code
/// path appended it, so an event cannot exist without a seal written in its own transaction.
/// With a chain key, the link also covers the event's timestamp and headers: the timestamp is fixed here, before the hash, to the
/// microsecond PostgreSQL keeps (in Marten's append mode the client sends it).
/// </summary>
internal sealed class EventSealer(ChainKey key) : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var streams = session.PendingChanges.Streams().Where(s => s.Events.Count > 0 && s.Events[0].Data is not Tombstone).ToList();
        if (streams.Count == 0)
        {
            return;
        }

        var serializer = session.DocumentStore.Options.Serializer();
        // Marten stores the session's headers on every event it appends (decision 006), over any header set on the event itself (an
        // import's line, decision 141): the link seals that union, as stored.
        var sessionHeaders = (session as Marten.Internal.Sessions.QuerySession)?.Headers;
        var headers = sessionHeaders is { Count: > 0 } set ? serializer.ToJson(set) : null;
        var versions = new Dictionary<Guid, long>();
        foreach (var stream in streams)
        {
            versions[stream.Id] = stream.ActionType == StreamActionType.Start
                ? 0
                : stream.ExpectedVersionOnServer ?? (await session.Events.FetchStreamStateAsync(stream.Id, token))?.Version ?? 0;
        }

        var heads = await PreviousHashes(session, versions, token);
        var seals = new List<EventSeal>(streams.Sum(s => s.Events.Count));
        foreach (var stream in streams)
        {
            var version = versions[stream.Id];
            var previous = heads.GetValueOrDefault(stream.Id, ChainHash.Genesis);
            foreach (var e in stream.Events)
            {
                version++;
                e.Timestamp = ChainHash.ToMicrosecond(e.Timestamp == default ? DateTimeOffset.UtcNow : e.Timestamp);
                var content = new ChainHash.Content(
                    stream.Id, version, e.EventTypeName, serializer.ToJson(e.Data),
                    session.LastModifiedBy, session.CorrelationId, e.CausationId ?? session.CausationId,
                    Header(session, EventHeaders.Role), Header(session, EventHeaders.ActorNip), Header(session, EventHeaders.Reason),
                    Header(session, EventHeaders.ActorAccount), e.Timestamp, e.Headers is { Count: > 0 } own ? Union(serializer, own, sessionHeaders) : headers);
                var hash = key.Seal(previous, content);
                seals.Add(new EventSeal(EventSeal.IdFor(stream.Id, version), stream.Id, version, previous, hash, key.SchemeInUse));
                previous = hash;
            }
        }

        await Store(session, serializer, seals, token);
    }

    /// <summary>The hash each appended-to stream's chain ends in now, looked up in one query for the whole unit of work.</summary>
    private static async Task<Dictionary<Guid, string>> PreviousHashes(IDocumentSession session, Dictionary<Guid, long> versions, CancellationToken token)
    {
        var ids = versions.Where(v => v.Value > 0).Select(v => EventSeal.IdFor(v.Key, v.Value)).ToList();
        return ids.Count == 0 ? [] : (await session.LoadManyAsync<EventSeal>(token, ids)).ToDictionary(s => s.StreamId, s => s.Hash);
    }

    /// <summary>
    /// Every seal of the unit of work in one statement, stored as Marten stores the document (its JSON, type and a fresh version). As a
    /// document operation each seal was a statement of its own, and Marten's unit of work compares every operation queued after it with
    /// every one queued before: a bulk import's batch of 500 registrations spent most of its commit there (docs/decisions/149).
    /// </summary>
    private static async Task Store(IDocumentSession session, Marten.ISerializer serializer, List<EventSeal> seals, CancellationToken token)
    {
        await session.Database.EnsureStorageExistsAsync(typeof(EventSeal), token);
        session.QueueSqlCommand(
            $"""
            insert into {session.TableOf<EventSeal>()} (id, data, mt_dotnet_type)
            select s.id, s.data::jsonb, ? from unnest(?::varchar[], ?::text[]) s(id, data)
            on conflict (id) do update set data = excluded.data, mt_dotnet_type = excluded.mt_dotnet_type,
                mt_version = excluded.mt_version, mt_last_modified = transaction_timestamp()
            """,
            typeof(EventSeal).FullName!, seals.Select(s => s.Id).ToArray(), seals.Select(s => serializer.ToJson(s)).ToArray());
    }

    private static string Union(Marten.ISerializer serializer, Dictionary<string, object> own, Dictionary<string, object>? sessionHeaders)
    {
        var union = new Dictionary<string, object>(own);
        foreach (var (key, value) in sessionHeaders ?? [])
        {
            union[key] = value;
        }

        return serializer.ToJson(union);
    }

    private static string? Header(IDocumentSession session, string key) => session.GetHeader(key)?.ToString();
}
