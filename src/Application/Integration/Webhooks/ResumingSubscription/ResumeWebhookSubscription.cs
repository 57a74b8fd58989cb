using Mediator;

namespace Kinerja.Application.Integration.Webhooks.ResumingSubscription;

/// <summary>Delivers again from where the subscription stopped; a pending back-off is kept.</summary>
public sealed record ResumeWebhookSubscription(Guid Id) : ICommand<WebhookSubscriptionView>;

public sealed class ResumeWebhookSubscriptionHandler(IWebhookSubscriptions subscriptions, IWebhookDispatcher dispatcher)
    : ICommandHandler<ResumeWebhookSubscription, WebhookSubscriptionView>
{
    public async ValueTask<WebhookSubscriptionView> Handle(ResumeWebhookSubscription command, CancellationToken ct)
    {
        if (!await subscriptions.SetStatus(command.Id, SubscriptionStatus.Active, ct))
        {
            throw WebhookRules.NotFound(command.Id);
        }

        await dispatcher.Dispatch(command.Id, ct);
        return await subscriptions.Existing(command.Id, ct);
    }
}
