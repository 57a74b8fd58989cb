using Kinerja.Application.Common;
using Kinerja.Domain;

namespace Kinerja.Application.Audit;

/// <summary>An event as recorded: its data and every piece of who/when/why metadata.</summary>
public sealed record RecordedEvent(
    long Sequence,
    Guid StreamId,
    long Version,
    string Type,
    object Data,
    DateTimeOffset RecordedAt,
    string? UserName,
    string? Role,
    string? ActorNip,
    string? CorrelationId,
    string? CausationId,
    string? Reason,
    string? ActorAccount = null)
{
    /// <summary>The actor as the event's metadata recorded it (docs/decisions/077).</summary>
    public Actor Actor => EventActor.Of(UserName, Role, ActorNip, ActorAccount);
}

public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<string>? Types, long? AfterSequence, int Limit);

/// <summary>The result of recomputing one stream's hash chain; <see cref="FirstBrokenVersion"/> is null when intact.</summary>
public sealed record StreamVerification(Guid StreamId, long EventsChecked, long? FirstBrokenVersion, string? Problem);

public interface IAuditTrail
{
    /// <summary>Every stream holding an event about the employee (profile, appraisals, grants, ...).</summary>
    Task<IReadOnlyList<Guid>> StreamsOf(Guid employeeId, CancellationToken ct);

    /// <summary>Events of the streams in commit (sequence) order, tombstones excluded.</summary>
    Task<IReadOnlyList<RecordedEvent>> Events(IReadOnlyCollection<Guid> streamIds, AuditFilter filter, CancellationToken ct);

    Task<IReadOnlyList<StreamVerification>> Verify(IReadOnlyCollection<Guid> streamIds, CancellationToken ct);

    /// <summary>Events of every stream whose data has an effective date (<c>IEffectiveDated</c>), in commit order after a sequence.</summary>
    Task<IReadOnlyList<RecordedEvent>> EffectiveDatedEvents(long afterSequence, int limit, CancellationToken ct);

    /// <summary>The appraisal streams opened in the cycle, found from their opening events.</summary>
    Task<IReadOnlyList<Guid>> AppraisalStreamsOf(Guid cycleId, CancellationToken ct);

    /// <summary>Events of a cycle or its appraisals committed after the cycle's closing event, in commit order after a sequence.</summary>
    Task<IReadOnlyList<RecordedEvent>> EventsAfterCycleClosed(long afterSequence, int limit, CancellationToken ct);

    /// <summary>Every stream in the store, for a full verification.</summary>
    Task<IReadOnlyList<Guid>> AllStreams(CancellationToken ct);

    /// <summary>
    /// Records and returns a digest over the sealed head (last hash) of every stream: an auditor who keeps
    /// a copy outside the system can later prove that no sealed history was rewritten.
    /// </summary>
    Task<ChainDigest> RecordDigest(CancellationToken ct);

    /// <summary>Records the digest of the WIT day once, whichever node asks first; null when that day's digest already exists.</summary>
    Task<ChainDigest?> RecordDailyDigest(DateOnly day, CancellationToken ct);

    /// <summary>Recorded digests, newest first, before an instant.</summary>
    Task<IReadOnlyList<ChainDigest>> Digests(DateTimeOffset? before, int limit, CancellationToken ct);
}

/// <summary>
/// A digest over every stream's sealed head; <see cref="ThroughSequence"/> is the last event sequence the heads include (absent on digests
/// recorded before it was kept); <see cref="Scheme"/> names the chain key's scheme when the digest is keyed (absent when unkeyed).
/// </summary>
public sealed record ChainDigest(string Id, DateTimeOffset RecordedAt, long Streams, string Digest, long? ThroughSequence = null, string? Scheme = null);
