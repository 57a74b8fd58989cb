using System.Text.Json;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Kinerja.Application.Integration;
using Kinerja.Application.Integration.Webhooks;
using Kinerja.Domain.Units;
using Kinerja.Infrastructure.Common;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Kinerja.Infrastructure.Integration;

/// <summary>
/// Writes the feed from the event store through Marten's async daemon, which hands over events in
/// sequence order and only below the high-water mark: an entry never appears behind one a consumer
/// has already read, even when appends commit out of order. Entries, the NIP lookup and the webhook
/// triggers commit in one transaction with the daemon's progress (Wolverine's outbox), so a restart
/// neither loses nor doubles an entry.
/// </summary>
internal sealed class IntegrationFeedSubscription : BatchSubscription
{
    public const string Name = "IntegrationFeed";

    private readonly Dictionary<Type, IIntegrationEventMapping> _mappings = [];

    public IntegrationFeedSubscription(IEnumerable<IIntegrationEventMapping> mappings) : base(Name)
    {
        // Only mapped types are read: Marten's tombstones (sequence numbers of rolled-back appends) and internal events never reach the feed.
        foreach (var mapping in mappings)
        {
            foreach (var type in mapping.EventTypes)
            {
                _mappings.Add(type, mapping);
                IncludeType(type);
            }
        }
    }

    public override async Task ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken)
    {
        var context = new FeedContext(operations);
        var written = 0;
        foreach (var e in page.Events)
        {
            if (!_mappings.TryGetValue(e.Data.GetType(), out var mapping) || await mapping.Map(e.Data, context, cancellationToken) is not { } draft)
            {
                continue;
            }

            var payload = JsonSerializer.SerializeToElement(draft.Payload, IntegrationJson.Options);
            operations.Store(new FeedItem(e.Sequence, e.Id, draft.Type, draft.Version, draft.OccurredAt, payload, e.Timestamp, e.Actor()));
            written++;
        }

        context.Save(operations);
        if (written == 0)
        {
            return;
        }

        var active = await operations.Query<WebhookSubscription>().Where(s => s.Status == SubscriptionStatus.Active).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var id in active)
        {
            await bus.PublishAsync(new DeliverWebhooks(id));
        }
    }

    /// <summary>NIPs as of the page being written; the page's own changes are seen before they are stored.</summary>
    private sealed class FeedContext(IQuerySession session) : IFeedContext
    {
        private readonly Dictionary<Guid, string> _known = [];
        private readonly Dictionary<Guid, string> _changed = [];
        private readonly Dictionary<Guid, StreamSubject> _subjects = [];
        private readonly Dictionary<Guid, StreamSubject> _newSubjects = [];

        public async ValueTask<string> NipOf(Guid employeeId, CancellationToken ct)
        {
            if (!_known.TryGetValue(employeeId, out var nip))
            {
                nip = (await session.LoadAsync<FeedSubject>(employeeId, ct))?.Nip
                    ?? throw new InvalidDataException($"The feed has no NIP for employee {employeeId}: its registration was not published.");
                _known[employeeId] = nip;
            }

            return nip;
        }

        public void NipIs(Guid employeeId, string nip)
        {
            _known[employeeId] = nip;
            _changed[employeeId] = nip;
        }

        public async ValueTask<string> UnitCodeOf(Guid unitId, CancellationToken ct) =>
            (await session.LoadAsync<UnitKerja>(unitId, ct))?.Code ?? throw new InvalidDataException($"The feed does not know unit {unitId}.");

        public async ValueTask<StreamSubject> SubjectOf(Guid streamId, CancellationToken ct)
        {
            if (!_subjects.TryGetValue(streamId, out var subject))
            {
                var stored = await session.LoadAsync<FeedStreamSubject>(streamId, ct)
                    ?? throw new InvalidDataException($"The feed does not know whom stream {streamId} concerns: its opening event was not read.");
                subject = _subjects[streamId] = new StreamSubject(stored.EmployeeId, stored.ParentId);
            }

            return subject;
        }

        public void SubjectIs(Guid streamId, StreamSubject subject)
        {
            _subjects[streamId] = subject;
            _newSubjects[streamId] = subject;
        }

        public void Save(IDocumentOperations operations)
        {
            foreach (var (id, nip) in _changed)
            {
                operations.Store(new FeedSubject(id, nip));
            }

            foreach (var (id, subject) in _newSubjects)
            {
                operations.Store(new FeedStreamSubject(id, subject.EmployeeId, subject.ParentId));
            }
        }
    }
}
