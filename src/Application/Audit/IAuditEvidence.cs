namespace Kinerja.Application.Audit;

/// <summary>Who a stream is about: the employee, and for an appraisal also its cycle and the unit it was opened in; a cycle's own stream names the cycle.</summary>
public sealed record StreamSubject(Guid StreamId, Guid? EmployeeId, Guid? CycleId, string? UnitCode);

/// <summary>An event as it can be cited: its id, where it sits, and the hash sealed with it (null when it was never sealed).</summary>
public sealed record SealedEvent(Guid EventId, long Sequence, Guid StreamId, long Version, string Type, DateTimeOffset RecordedAt, object Data, string? Hash);

/// <summary>
/// A digest as the service issues it (<c>GET /audit/digests</c>, <c>verify-chains</c>, the daily digest) and an auditor keeps outside
/// the system. <see cref="ThroughSequence"/> (digests recorded since it exists) fixes the heads exactly; without it the heads are
/// those recorded by <see cref="RecordedAt"/>.
/// </summary>
public sealed record KeptDigest(string Digest, DateTimeOffset RecordedAt, long? Streams, long? ThroughSequence);

/// <summary>A stream written to since the digest: its head version then (null when it did not exist yet) and now.</summary>
public sealed record StreamChange(Guid StreamId, long? VersionThen, long VersionNow, DateTimeOffset LastRecordedAt);

/// <summary>
/// A kept digest recomputed from today's events: <see cref="Recomputed"/> over the hash chains recomputed from the stored rows up to the
/// digest's heads (never from the stored seals, which a rewrite could have replaced), the streams broken today, and every stream
/// written since, ordered by stream id.
/// </summary>
/// <param name="Recomputed">The digest as this service records it now (keyed when it has a chain key).</param>
/// <param name="RecomputedUnkeyed">The same heads as an unkeyed digest, for copies kept before the chain key (docs/decisions/127).</param>
public sealed record DigestComparison(
    string Recomputed, long StreamsThen, long StreamsNow, long ThroughSequence, IReadOnlyList<StreamVerification> Broken, IReadOnlyList<StreamChange> Changed,
    string RecomputedUnkeyed);

/// <summary>Reads the audit builds its reports on, beyond the event history itself.</summary>
public interface IAuditEvidence
{
    /// <summary>Who each stream is about, for the streams that have a subject.</summary>
    Task<IReadOnlyDictionary<Guid, StreamSubject>> Subjects(IReadOnlyCollection<Guid> streamIds, CancellationToken ct);

    /// <summary>The events of these types in the streams, in commit order, each with its id and its seal's hash.</summary>
    Task<IReadOnlyList<SealedEvent>> Sealed(IReadOnlyCollection<Guid> streamIds, IReadOnlyCollection<Type> types, CancellationToken ct);

    /// <summary>A read model (<see cref="Appraisals.AppraisalRecord"/>, <see cref="Evaluations.UnitEvaluationRecord"/>) folded by its own projection from the events recorded by the instant; null when none were.</summary>
    Task<T?> AsOf<T>(Guid streamId, DateTimeOffset at, CancellationToken ct) where T : class;

    /// <summary>Recomputes a kept digest from today's events.</summary>
    Task<DigestComparison> Compare(KeptDigest kept, CancellationToken ct);
}
