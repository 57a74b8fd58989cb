using FluentValidation;
using Mediator;

namespace Kinerja.Application.Integration.Webhooks.ReplayingSubscription;

/// <summary>Delivers every matching event after <paramref name="AfterPosition"/> again (receivers de-duplicate by event id).</summary>
public sealed record ReplayWebhookSubscription(Guid Id, long? AfterPosition) : ICommand<WebhookSubscriptionView>;

public sealed class ReplayWebhookSubscriptionValidator : AbstractValidator<ReplayWebhookSubscription>
{
    public ReplayWebhookSubscriptionValidator() => RuleFor(c => c.AfterPosition).NotNull().GreaterThanOrEqualTo(0);
}

public sealed class ReplayWebhookSubscriptionHandler(IWebhookSubscriptions subscriptions, IFeed feed, IWebhookDispatcher dispatcher)
    : ICommandHandler<ReplayWebhookSubscription, WebhookSubscriptionView>
{
    public async ValueTask<WebhookSubscriptionView> Handle(ReplayWebhookSubscription command, CancellationToken ct)
    {
        await subscriptions.Existing(command.Id, ct);
        await feed.EnsureInFeed(command.AfterPosition!.Value, ct);
        if (!await subscriptions.Rewind(command.Id, command.AfterPosition.Value, ct))
        {
            throw WebhookRules.NotFound(command.Id);
        }

        await dispatcher.Dispatch(command.Id, ct);
        return await subscriptions.Existing(command.Id, ct);
    }
}
