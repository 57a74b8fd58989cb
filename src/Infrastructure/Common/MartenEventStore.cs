using JasperFx;
using ExistingStreamIdCollisionException = JasperFx.Events.ExistingStreamIdCollisionException;
using Kinerja.Application.Common;
using Marten;
using Marten.Events;
using Marten.Services.BatchQuerying;
using Npgsql;

namespace Kinerja.Infrastructure.Common;

/// <summary>
/// Owns its session: after a refused commit the session is thrown away, because Marten keeps the
/// rolled-back inline projections in it and a later fetch would return them as current state.
/// </summary>
internal sealed class MartenEventStore(Tenancy.TenantSessions sessions, ICurrentActor current, CommandContext command, IdempotencyScope idempotency, TimeProvider clock)
    : Kinerja.Application.Common.IEventStore, IDisposable
{
    private IDocumentSession? _session;
    private IDocumentSession? _planned;

    /// <summary>The session this unit of work commits: Wolverine's outbox enrols in it (see WolverineCycleScheduler).</summary>
    public IDocumentSession Session => _session ??= sessions.Write();

    /// <summary>
    /// A batch of reads on the write's own connection, in its transaction: a lookup the write needs before it locks (an appraisal's
    /// address) then costs no pooled session of its own. The transaction's first batch also lets it reuse generic plans
    /// (<c>set local</c>, so the pooled connection goes back with the connection string's <c>force_custom_plan</c>, decision 063):
    /// every statement of such a write reads or writes by primary key or a unique or equality index (the stream row locked, the
    /// state by id, the append, the inline documents' upserts, the seal's previous link), where the generic plan is the custom
    /// one, and planning them again on every request was a third of a public feedback's time inside PostgreSQL (docs/decisions/164).
    /// </summary>
    public async Task<IBatchedQuery> WriteBatch(CancellationToken ct)
    {
        await Session.BeginTransactionAsync(ct);
        var batch = Session.CreateBatchQuery();
        if (_planned != Session)
        {
            _ = batch.Query<string>(PlanSetting);
            _planned = Session;
        }

        return batch;
    }

    /// <summary>
    /// Lets the current transaction reuse generic plans (<c>set local</c>): the one statement for every transaction that only reads and
    /// writes by key (an appraisal's write here, the import's batch, docs/decisions/163 and 164).
    /// </summary>
    internal const string PlanSetting = "select set_config('plan_cache_mode', 'auto', true)";

    public async Task<long> Decide<T>(Guid id, Func<T?, ValueTask<IReadOnlyList<object>>> decide, CancellationToken ct, WriteLock mode, string? reason)
        where T : class
    {
        if (id == Guid.Empty)
        {
            // Marten refuses the empty id with an exception of its own (a 500); no stream can have it, so the decision
            // sees a missing stream and answers its own 404, and a decision that would start one is refused the same way.
            await decide(null);
            throw NoSuchRecord();
        }

        var stream = mode == WriteLock.Exclusive
            ? await FetchForExclusiveWriting<T>(id, current.IfMatch, ct)
            : await FetchForWriting<T>(id, current.IfMatch, ct);
        var events = await decide(stream.State);
        stream.Append(events);
        await SaveChanges(reason, ct);
        return stream.Version + events.Count;
    }

    public async Task<IAggregateStream<T>> FetchForWriting<T>(Guid id, long? expectedVersion, CancellationToken ct) where T : class
    {
        if (id == Guid.Empty)
        {
            throw NoSuchRecord();
        }

        try
        {
            var stream = expectedVersion is { } version
                ? await Session.Events.FetchForWriting<T>(id, version, ct)
                : await Session.Events.FetchForWriting<T>(id, ct);
            return new Stream<T>(stream);
        }
        catch (ConcurrencyException)
        {
            throw new ConcurrencyConflict($"The record is no longer at version {expectedVersion}; read it again and retry.");
        }
    }

    /// <summary>Locked until the commit, and still held to the request's If-Match: the lock orders writers, it does not excuse a stale one.</summary>
    private async Task<IAggregateStream<T>> FetchForExclusiveWriting<T>(Guid id, long? expectedVersion, CancellationToken ct) where T : class
    {
        var stream = new Stream<T>(await Session.Events.FetchForExclusiveWriting<T>(id, ct));
        if (expectedVersion is { } version && stream.Version != version)
        {
            Discard();
            throw new ConcurrencyConflict($"The record is no longer at version {expectedVersion}; read it again and retry.");
        }

        return stream;
    }

    public async Task<T?> Load<T>(Guid id, CancellationToken ct) where T : class =>
        id == Guid.Empty ? null : await Session.Events.FetchLatest<T>(id, ct);

    public async Task<IReadOnlyList<object>> Events(Guid id, CancellationToken ct) =>
        [.. (await Session.Events.FetchStreamAsync(id, token: ct)).Select(e => e.Data)];

    public async Task<long?> Version(Guid id, CancellationToken ct) =>
        id == Guid.Empty ? null : (await Session.Events.FetchStreamStateAsync(id, ct))?.Version;

    private static NotFound NoSuchRecord() => new("not-found", "No record has this id.");

    public void Start<T>(Guid id, IReadOnlyList<object> events) where T : class => Session.Events.StartStream<T>(id, [.. events]);

    public async Task SaveChanges(string? reason, CancellationToken ct)
    {
        Stamp(Session, current.Actor, current.CorrelationId, command.CausationId, reason ?? current.Reason);
        RecordIdempotencyKey();
        try
        {
            await Session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            Discard();
            throw new ConcurrencyConflict("Another change to this record was committed first; read it again and retry.");
        }
        catch (Exception ex) when (IsDuplicateKey(ex))
        {
            Discard();
            throw new DuplicateKey("A record with the same key was committed first.");
        }
    }

    /// <summary>Who, in which request, caused by what and why: recorded on every event the session commits (and sealed with it).</summary>
    internal static void Stamp(IDocumentSession session, Kinerja.Domain.Actor actor, string correlationId, string? causationId, string? reason)
    {
        session.LastModifiedBy = actor.Name;
        session.CorrelationId = correlationId;
        session.CausationId = causationId;
        session.SetHeader(EventHeaders.Role, actor.Role ?? "");
        if (actor.Nip is { } nip)
        {
            session.SetHeader(EventHeaders.ActorNip, nip);
        }

        if (actor.Account is { } account)
        {
            session.SetHeader(EventHeaders.ActorAccount, account);
        }

        if (reason is { Length: > 0 } why)
        {
            session.SetHeader(EventHeaders.Reason, why);
        }
    }

    /// <summary>The request's Idempotency-Key committed with the events it caused: a retry whose claim is gone finds it (decision 137).</summary>
    private void RecordIdempotencyKey()
    {
        if (idempotency.Key is not { } key)
        {
            return;
        }

        var streams = Session.PendingChanges.Streams().Select(s => s.Id).ToList();
        if (streams.Count > 0)
        {
            Session.Store(new IdempotencyReceipt(key, idempotency.RequestHash ?? "", clock.GetUtcNow(), streams, null));
        }
    }

    public void Dispose() => Discard();

    private void Discard()
    {
        _session?.Dispose();
        _session = null;
        _planned = null;
    }

    internal static bool IsDuplicateKey(Exception ex) =>
        ex is ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException or DocumentAlreadyExistsException
        || (ex.InnerException is { } inner && IsDuplicateKey(inner))
        || ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private sealed class Stream<T>(JasperFx.Events.IEventStream<T> stream) : IAggregateStream<T> where T : class
    {
        public T? State => stream.Aggregate;

        public long Version => stream.CurrentVersion ?? 0;

        public void Append(IReadOnlyList<object> events) => stream.AppendMany([.. events]);
    }
}

/// <summary>Event header names: part of the stored contract the audit view exposes.</summary>
public static class EventHeaders
{
    public const string Role = "role";
    public const string ActorNip = "actor-nip";
    public const string ActorAccount = "actor-account";
    public const string Reason = "reason";

    /// <summary>The import that appended the event: its file's SHA-256 and the line (docs/decisions/141).</summary>
    public const string ImportFile = "import-file";
    public const string ImportLine = "import-line";
}
