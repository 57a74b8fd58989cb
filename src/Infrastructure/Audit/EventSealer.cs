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
        var serializer = session.DocumentStore.Options.Serializer();
        // Marten stores the session's headers on every event it appends (decision 006), over any header set on the event itself (an
        // import's line, decision 141): the link seals that union, as stored.
        var sessionHeaders = (session as Marten.Internal.Sessions.QuerySession)?.Headers;
        var headers = sessionHeaders is { Count: > 0 } set ? serializer.ToJson(set) : null;
        foreach (var stream in session.PendingChanges.Streams())
        {
            if (stream.Events.Count == 0 || stream.Events[0].Data is Tombstone)
            {
                continue;
            }

            var version = stream.ActionType == StreamActionType.Start
                ? 0
                : stream.ExpectedVersionOnServer ?? (await session.Events.FetchStreamStateAsync(stream.Id, token))?.Version ?? 0;
            var previous = version == 0
                ? ChainHash.Genesis
                : (await session.LoadAsync<EventSeal>(EventSeal.IdFor(stream.Id, version), token))?.Hash ?? ChainHash.Genesis;
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
                session.Store(new EventSeal(EventSeal.IdFor(stream.Id, version), stream.Id, version, previous, hash, key.SchemeInUse));
                previous = hash;
            }
        }
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
