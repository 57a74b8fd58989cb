using Mediator;

namespace Kinerja.Application.Integration.Webhooks.DeletingSubscription;

/// <summary>Removes the subscription with its failure history; nothing more is delivered to it.</summary>
public sealed record DeleteWebhookSubscription(Guid Id) : ICommand<Unit>;

public sealed class DeleteWebhookSubscriptionHandler(IWebhookSubscriptions subscriptions) : ICommandHandler<DeleteWebhookSubscription, Unit>
{
    public async ValueTask<Unit> Handle(DeleteWebhookSubscription command, CancellationToken ct) =>
        await subscriptions.Delete(command.Id, ct) ? Unit.Value : throw WebhookRules.NotFound(command.Id);
}
