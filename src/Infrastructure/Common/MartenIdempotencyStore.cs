using JasperFx;
using Kinerja.Application.Common;
using Marten;

namespace Kinerja.Infrastructure.Common;

internal sealed record IdempotencyRecord(string Id, string RequestHash, DateTimeOffset ClaimedAt, StoredResponse? Response);

/// <summary>
/// A key's command committed: stored by the command's own session, in the transaction that appends its events (see
/// MartenEventStore.SaveChanges), so it outlives a lost claim and never exists without the events.
/// </summary>
internal sealed record IdempotencyReceipt(string Id, string RequestHash, DateTimeOffset CommittedAt, IReadOnlyList<Guid> Streams, Written? Written);

/// <summary>
/// Keys live in their own sessions, apart from the command's unit of work: the claim must be
/// visible to a concurrent retry before the command commits.
/// </summary>
internal sealed class MartenIdempotencyStore(Tenancy.TenantSessions sessions, TimeProvider clock) : IIdempotencyStore
{
    /// <summary>A claim this old whose request never finished (the process died) may be taken over.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task<IdempotencyClaim> Claim(string key, string requestHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = sessions.Write();
        session.Insert(new IdempotencyRecord(key, requestHash, now, null));
        try
        {
            await session.SaveChangesAsync(ct);
            return new IdempotencyClaim(IdempotencyOutcome.Started, null);
        }
        catch (DocumentAlreadyExistsException)
        {
        }

        await using var query = sessions.Read();
        var existing = await query.LoadAsync<IdempotencyRecord>(key, ct);
        return existing switch
        {
            null => await Claim(key, requestHash, ct),
            _ when existing.RequestHash != requestHash => new IdempotencyClaim(IdempotencyOutcome.Mismatch, null),
            { Response: { } response } => new IdempotencyClaim(IdempotencyOutcome.Replay, response),
            _ when now - existing.ClaimedAt > AbandonedAfter => await TakeOver(existing, now, ct),
            _ => new IdempotencyClaim(IdempotencyOutcome.InProgress, null),
        };
    }

    public async Task Complete(string key, StoredResponse response, CancellationToken ct)
    {
        await using var session = sessions.Write();
        var record = await session.LoadAsync<IdempotencyRecord>(key, ct);
        if (record is not null)
        {
            session.Store(record with { Response = response });
            await session.SaveChangesAsync(ct);
        }
    }

    public async Task Release(string key, CancellationToken ct)
    {
        await using var session = sessions.Write();
        session.Delete<IdempotencyRecord>(key);
        await session.SaveChangesAsync(ct);
    }

    public async Task<CommittedCommand?> Committed(string key, CancellationToken ct)
    {
        await using var query = sessions.Read();
        return await query.LoadAsync<IdempotencyReceipt>(key, ct) is { } receipt ? new CommittedCommand(receipt.RequestHash, receipt.Streams, receipt.Written) : null;
    }

    public async Task Answered(string key, Written written, CancellationToken ct)
    {
        await using var session = sessions.Write();
        if (await session.LoadAsync<IdempotencyReceipt>(key, ct) is { } receipt)
        {
            session.Store(receipt with { Written = written });
            await session.SaveChangesAsync(ct);
        }
    }

    private async Task<IdempotencyClaim> TakeOver(IdempotencyRecord abandoned, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = sessions.Write();
        session.Store(abandoned with { ClaimedAt = now });
        await session.SaveChangesAsync(ct);
        return new IdempotencyClaim(IdempotencyOutcome.Started, null);
    }
}
