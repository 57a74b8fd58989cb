using Kinerja.Infrastructure.Common;
using Kinerja.Application.Integration.Webhooks;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Kinerja.Infrastructure.Integration;

internal sealed class WolverineWebhookDispatcher(IMessageBus bus, Tenancy.TenantScope tenant) : IWebhookDispatcher
{
    /// <summary>The delivery runs for the request's instansi: the message carries it, and its handler reads that instansi's database.</summary>
    public async Task Dispatch(Guid subscriptionId, CancellationToken ct) =>
        await bus.PublishAsync(new DeliverWebhooks(subscriptionId), new DeliveryOptions { TenantId = tenant.Id });
}

/// <summary>
/// Nudges every active subscription at start-up and then periodically. Deliveries are normally
/// triggered by the feed and by their own scheduled retries; this makes sure a subscription never
/// stays behind because a trigger was lost (a crash, an exhausted database retry). Only the leading node sweeps
/// (<see cref="NodeLeadership"/>): a node that takes over from a killed one nudges every subscription at once.
/// </summary>
internal sealed class WebhookSweeper(IServiceScopeFactory scopes, IDocumentStore store, IOptions<WebhookOptions> options, NodeLeadership leadership, ILogger<WebhookSweeper> logger)
    : LeaderOnlyJob(leadership, logger)
{
    protected override async Task Lead(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        do
        {
            using var operation = Operations.Start("webhook-sweep");
            try
            {
                await Sweep(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Webhook sweep failed; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Every instansi's subscriptions, each nudged with its instansi (docs/decisions/145).</summary>
    private async Task Sweep(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var tenant in await Tenancy.TenantDatabases.All(store))
        {
            await using var session = Tenancy.TenantDatabases.Read(store, tenant);
            var active = await session.Query<WebhookSubscription>().Where(s => s.Status == SubscriptionStatus.Active).Select(s => s.Id).ToListAsync(ct);
            foreach (var id in active)
            {
                await bus.PublishAsync(new DeliverWebhooks(id), new DeliveryOptions { TenantId = tenant });
            }
        }
    }
}
