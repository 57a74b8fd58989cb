using Mediator;

namespace Kinerja.Application.Integration.Webhooks.PausingSubscription;

/// <summary>Stops deliveries; events keep accumulating in the feed and are delivered after a resume.</summary>
public sealed record PauseWebhookSubscription(Guid Id) : ICommand<WebhookSubscriptionView>;

public sealed class PauseWebhookSubscriptionHandler(IWebhookSubscriptions subscriptions) : ICommandHandler<PauseWebhookSubscription, WebhookSubscriptionView>
{
    public async ValueTask<WebhookSubscriptionView> Handle(PauseWebhookSubscription command, CancellationToken ct)
    {
        if (!await subscriptions.SetStatus(command.Id, SubscriptionStatus.Paused, ct))
        {
            throw WebhookRules.NotFound(command.Id);
        }

        return await subscriptions.Existing(command.Id, ct);
    }
}
