namespace Kinerja.Application.Common;

/// <summary>A stream fetched for a decision: its state and version, to which new events are appended.</summary>
public interface IAggregateStream<out T>
{
    T? State { get; }

    /// <summary>The stream version as fetched (0 for a new stream).</summary>
    long Version { get; }

    void Append(IReadOnlyList<object> events);
}

/// <summary>How a write waits for other writers of the same stream.</summary>
public enum WriteLock
{
    /// <summary>Fetched at the request's If-Match (when given); a concurrent commit makes this one fail with a conflict.</summary>
    Optimistic,

    /// <summary>
    /// The stream is locked until the commit, so concurrent writers queue instead of failing: for streams many write
    /// at once (public feedback pushed by a portal), where no caller holds a version.
    /// </summary>
    Exclusive,
}

/// <summary>
/// The unit of work of one command. Metadata (acting user, role, correlation and causation ids,
/// reason) is stamped on every event it commits.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// The one write path of a command on an existing or new stream: fetch it for writing (at the request's If-Match under
    /// <see cref="WriteLock.Optimistic"/>), run the pure decision on its state (null when there is no such stream), append what
    /// it decided and commit. Returns the stream's version after the commit.
    /// </summary>
    /// <param name="reason">A reason the command itself carries; otherwise the request's X-Reason is recorded.</param>
    Task<long> Decide<T>(Guid id, Func<T?, ValueTask<IReadOnlyList<object>>> decide, CancellationToken ct, WriteLock mode = WriteLock.Optimistic, string? reason = null)
        where T : class;

    /// <param name="expectedVersion">A version the stream must be at; a different current version throws <see cref="ConcurrencyConflict"/>.</param>
    Task<IAggregateStream<T>> FetchForWriting<T>(Guid id, long? expectedVersion, CancellationToken ct) where T : class;

    /// <summary>The latest state of a stream, read-only; null when there is no such stream.</summary>
    Task<T?> Load<T>(Guid id, CancellationToken ct) where T : class;

    /// <summary>The events of a stream in order, as the domain knows them (an upgrade path that folds what a document did not keep yet).</summary>
    Task<IReadOnlyList<object>> Events(Guid id, CancellationToken ct);

    /// <summary>The stream's version, for the ETag of a read; null when there is no such stream.</summary>
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

/// <summary>The shapes of <see cref="IEventStore.Decide{T}"/> the use cases use.</summary>
public static class EventStoreDecisions
{
    /// <summary>A decision on a stream that must exist: <paramref name="missing"/> is thrown, from the same fetch, when it does not.</summary>
    public static Task<long> Decide<T>(
        this IEventStore store, Guid id, Func<ApplicationFailure> missing, Func<T, ValueTask<IReadOnlyList<object>>> decide, CancellationToken ct,
        WriteLock mode = WriteLock.Optimistic, string? reason = null) where T : class =>
        store.Decide<T>(id, state => state is null ? throw missing() : decide(state), ct, mode, reason);

    public static Task<long> Decide<T>(
        this IEventStore store, Guid id, Func<ApplicationFailure> missing, Func<T, IReadOnlyList<object>> decide, CancellationToken ct,
        WriteLock mode = WriteLock.Optimistic, string? reason = null) where T : class =>
        store.Decide<T>(id, state => state is null ? throw missing() : ValueTask.FromResult(decide(state)), ct, mode, reason);

    /// <summary>A decision that may start the stream (its state is null then).</summary>
    public static Task<long> Decide<T>(this IEventStore store, Guid id, Func<T?, IReadOnlyList<object>> decide, CancellationToken ct, string? reason = null)
        where T : class =>
        store.Decide<T>(id, state => ValueTask.FromResult(decide(state)), ct, WriteLock.Optimistic, reason);
}
