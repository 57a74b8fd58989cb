namespace Kinerja.Application.Common;

/// <summary>A stream fetched for a decision: its state and version, to which new events are appended.</summary>
public interface IAggregateStream<out T>
{
    T? State { get; }

    /// <summary>The stream version as fetched (0 for a new stream).</summary>
    long Version { get; }

    void Append(IReadOnlyList<object> events);
}

/// <summary>
/// The unit of work of one command. Metadata (acting user, role, correlation and causation ids,
/// reason) is stamped on every event it commits.
/// </summary>
public interface IEventStore
{
    /// <param name="expectedVersion">The caller's If-Match; a different current version throws <see cref="ConcurrencyConflict"/>.</param>
    Task<IAggregateStream<T>> FetchForWriting<T>(Guid id, long? expectedVersion, CancellationToken ct) where T : class;

    /// <summary>
    /// Locks the stream until the commit, so concurrent writers wait instead of failing: for streams
    /// many write at once (public feedback from a portal), where no caller holds a version.
    /// </summary>
    Task<IAggregateStream<T>> FetchForExclusiveWriting<T>(Guid id, CancellationToken ct) where T : class;

    /// <summary>The latest state of a stream, read-only; null when there is no such stream.</summary>
    Task<T?> Load<T>(Guid id, CancellationToken ct) where T : class;

    Task<long?> Version(Guid id, CancellationToken ct);

    void Start<T>(Guid id, IReadOnlyList<object> events) where T : class;

    /// <summary>
    /// Commits every stream fetched or started in this unit of work at once, each under its version
    /// check. A refused commit (<see cref="ConcurrencyConflict"/>, <see cref="DuplicateKey"/>) leaves
    /// the unit of work empty, so the command may fetch and decide again in the same scope.
    /// </summary>
    /// <param name="reason">A reason the command itself carries; otherwise the request's X-Reason is recorded.</param>
    Task SaveChanges(string? reason, CancellationToken ct);
}
