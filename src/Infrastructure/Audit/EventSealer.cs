using JasperFx.Events;
using Kinerja.Infrastructure.Common;
using Marten;

namespace Kinerja.Infrastructure.Audit;

/// <summary>
/// Seals every appended event with its chained hash before the unit of work commits, whatever code
/// path appended it, so an event cannot exist without a seal written in its own transaction.
/// </summary>
internal sealed class EventSealer : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
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
                var content = new ChainHash.Content(
                    stream.Id, version, e.EventTypeName, session.DocumentStore.Options.Serializer().ToJson(e.Data),
                    session.LastModifiedBy, session.CorrelationId, session.CausationId,
                    Header(session, EventHeaders.Role), Header(session, EventHeaders.ActorNip), Header(session, EventHeaders.Reason),
                    Header(session, EventHeaders.ActorAccount));
                var hash = ChainHash.Compute(previous, content);
                session.Store(new EventSeal(EventSeal.IdFor(stream.Id, version), stream.Id, version, previous, hash));
                previous = hash;
            }
        }
    }

    private static string? Header(IDocumentSession session, string key) => session.GetHeader(key)?.ToString();
}
