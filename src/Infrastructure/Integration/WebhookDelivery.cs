using Kinerja.Application.Integration;
using Kinerja.Application.Integration.Webhooks;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Kinerja.Infrastructure.Integration;

/// <summary>"Deliver what this subscription has not acknowledged yet." Any number may be in flight: they coalesce.</summary>
public sealed record DeliverWebhooks(Guid SubscriptionId);

public static class DeliverWebhooksHandler
{
    /// <summary>A database hiccup retries the trigger; a failing receiver never throws here (its back-off is the subscription's own).</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<NpgsqlException>().RetryWithCooldown(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

    public static Task Handle(DeliverWebhooks message, WebhookDeliverer deliverer, IMessageBus bus, CancellationToken ct) =>
        deliverer.Deliver(message.SubscriptionId, bus, ct);
}

/// <summary>
/// Delivers a subscription's pending events one at a time in feed order, advancing its cursor per
/// acknowledged event. A failure stops the subscription at that event (order is kept) until its back-off passes.
/// </summary>
public sealed class WebhookDeliverer(
    IDocumentStore store, Tenancy.TenancySettings tenancy, SubscriptionLocks locks, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDeliverer> logger)
{
    private enum Step { Delivered, Drained, Stopped }

    public async Task Deliver(Guid subscriptionId, IMessageBus bus, CancellationToken ct)
    {
        await using var holder = await locks.Open(subscriptionId, ct);
        while (true)
        {
            // Another delivery of this subscription holds the lock: it re-checks for new events after releasing.
            if (!await holder.TryTake(ct))
            {
                return;
            }

            Step step;
            try
            {
                step = await DeliverNext(subscriptionId, bus, ct);
            }
            finally
            {
                await holder.Release(CancellationToken.None);
            }

            // Checked after releasing, so an event whose trigger found the lock taken is not left behind.
            if (step == Step.Stopped || (step == Step.Drained && !await HasPending(subscriptionId, bus.TenantId, ct)))
            {
                return;
            }
        }
    }

    private async Task<Step> DeliverNext(Guid id, IMessageBus bus, CancellationToken ct)
    {
        await using var session = Tenancy.TenantDatabases.Write(store, tenancy.Of(bus.TenantId));
        var subscription = await session.LoadAsync<WebhookSubscription>(id, ct);
        var now = clock.GetUtcNow();
        if (subscription is not { Status: SubscriptionStatus.Active } || subscription.Waiting(now))
        {
            return Step.Stopped;
        }

        var next = (await new MartenFeed(session).After(subscription.Cursor, 1, subscription.EventTypes, ct)).FirstOrDefault();
        if (next is null)
        {
            return Step.Drained;
        }

        var result = await sender.Send(subscription, next, ct);
        now = clock.GetUtcNow();
        if (result.Succeeded)
        {
            session.Store(subscription.Delivered(next.Position, now));
            await session.SaveChangesAsync(ct);
            return Step.Delivered;
        }

        var failed = subscription.Failed(result.Error!, now + options.Value.DelayAfter(subscription.ConsecutiveFailures + 1));
        session.Store(failed);
        session.Insert(new WebhookFailure(
            Guid.CreateVersion7(), id, next.Position, next.Id, next.Type, failed.ConsecutiveFailures, now, result.StatusCode, result.Error!));
        await session.SaveChangesAsync(ct);
        logger.LogWarning("Webhook delivery of position {Position} to subscription {Subscription} failed ({Attempt}): {Error}",
            next.Position, id, failed.ConsecutiveFailures, result.Error);
        await bus.ScheduleAsync(new DeliverWebhooks(id), failed.RetryAt!.Value);
        return Step.Stopped;
    }

    private async Task<bool> HasPending(Guid id, string? tenantId, CancellationToken ct)
    {
        await using var session = Tenancy.TenantDatabases.Read(store, tenancy.Of(tenantId));
        var subscription = await session.LoadAsync<WebhookSubscription>(id, ct);
        return subscription is { Status: SubscriptionStatus.Active } && !subscription.Waiting(clock.GetUtcNow())
            && (await new MartenFeed(session).After(subscription.Cursor, 1, subscription.EventTypes, ct)).Count > 0;
    }
}
