using Kinerja.Application.Common;
using Kinerja.Application.Integration.Webhooks;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kinerja.Infrastructure.Integration;

internal sealed class MartenWebhookSubscriptions(Tenancy.TenantSessions sessions, SubscriptionLocks locks, IOptions<WebhookOptions> options)
    : IWebhookSubscriptions
{
    public async Task Add(NewWebhookSubscription s, CancellationToken ct)
    {
        await using var session = sessions.Write();
        session.Insert(new WebhookSubscription(
            s.Id, s.Url, [.. s.EventTypes], s.Secret, SubscriptionStatus.Active, s.StartAfter, 0, null, null, null, s.CreatedBy, s.CreatedAt));
        await session.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<WebhookSubscriptionView>> List(CancellationToken ct)
    {
        await using var session = sessions.Read();
        var all = await session.Query<WebhookSubscription>().OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var views = new List<WebhookSubscriptionView>(all.Count);
        foreach (var subscription in all)
        {
            views.Add(await View(session, subscription, ct));
        }

        return views;
    }

    public async Task<WebhookSubscriptionView?> Find(Guid id, CancellationToken ct)
    {
        await using var session = sessions.Read();
        return await session.LoadAsync<WebhookSubscription>(id, ct) is { } subscription ? await View(session, subscription, ct) : null;
    }

    public Task<bool> SetStatus(Guid id, SubscriptionStatus status, CancellationToken ct) =>
        Change(id, (session, s) => session.Store(s with { Status = status }), ct);

    public Task<bool> Rewind(Guid id, long afterPosition, CancellationToken ct) =>
        Change(id, (session, s) => session.Store(s with { Cursor = afterPosition, ConsecutiveFailures = 0, RetryAt = null }), ct);

    public Task<bool> Delete(Guid id, CancellationToken ct) =>
        Change(id, (session, _) =>
        {
            session.Delete<WebhookSubscription>(id);
            session.DeleteWhere<WebhookFailure>(f => f.SubscriptionId == id);
        }, ct);

    public async Task<IReadOnlyList<FailedDelivery>> Failures(Guid id, DateTimeOffset? before, int limit, CancellationToken ct)
    {
        await using var session = sessions.Read();
        var cursor = (await session.LoadAsync<WebhookSubscription>(id, ct))?.Cursor ?? 0;
        var failures = session.Query<WebhookFailure>().Where(f => f.SubscriptionId == id);
        if (before is { } instant)
        {
            failures = failures.Where(f => f.AttemptedAt < instant);
        }

        return [.. (await failures.OrderByDescending(f => f.AttemptedAt).Take(limit).ToListAsync(ct)).Select(f => f.View(cursor))];
    }

    private static async Task<WebhookSubscriptionView> View(IQuerySession session, WebhookSubscription subscription, CancellationToken ct) =>
        subscription.View(await new MartenFeed(session).CountAfter(subscription.Cursor, subscription.EventTypes, ct));

    /// <summary>Under the subscription's lock, so a delivery finishing at the same moment cannot write back the state it read before.</summary>
    private async Task<bool> Change(Guid id, Action<IDocumentSession, WebhookSubscription> change, CancellationToken ct)
    {
        await using var holder = await locks.Open(id, ct);
        try
        {
            await holder.Take(options.Value.AdminLockTimeout, ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new ConcurrencyConflict("A delivery to this subscription is still waiting for its receiver; retry shortly.");
        }

        try
        {
            await using var session = sessions.Write();
            if (await session.LoadAsync<WebhookSubscription>(id, ct) is not { } subscription)
            {
                return false;
            }

            change(session, subscription);
            await session.SaveChangesAsync(ct);
            return true;
        }
        finally
        {
            await holder.Release(CancellationToken.None);
        }
    }
}
