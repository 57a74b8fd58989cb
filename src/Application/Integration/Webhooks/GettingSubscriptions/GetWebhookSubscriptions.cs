using FluentValidation;
using Mediator;

namespace Kinerja.Application.Integration.Webhooks.GettingSubscriptions;

public sealed record ListWebhookSubscriptions : IQuery<IReadOnlyList<WebhookSubscriptionView>>;

public sealed record GetWebhookSubscription(Guid Id) : IQuery<WebhookSubscriptionView>;

/// <summary>The attempts a receiver did not acknowledge, newest first.</summary>
public sealed record ListFailedDeliveries(Guid Id, int? Limit) : IQuery<IReadOnlyList<FailedDelivery>>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

public sealed class ListFailedDeliveriesValidator : AbstractValidator<ListFailedDeliveries>
{
    public ListFailedDeliveriesValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, ListFailedDeliveries.MaxLimit);
}

public sealed class WebhookSubscriptionQueries(IWebhookSubscriptions subscriptions)
    : IQueryHandler<ListWebhookSubscriptions, IReadOnlyList<WebhookSubscriptionView>>,
      IQueryHandler<GetWebhookSubscription, WebhookSubscriptionView>,
      IQueryHandler<ListFailedDeliveries, IReadOnlyList<FailedDelivery>>
{
    public async ValueTask<IReadOnlyList<WebhookSubscriptionView>> Handle(ListWebhookSubscriptions query, CancellationToken ct) =>
        await subscriptions.List(ct);

    public async ValueTask<WebhookSubscriptionView> Handle(GetWebhookSubscription query, CancellationToken ct) =>
        await subscriptions.Existing(query.Id, ct);

    public async ValueTask<IReadOnlyList<FailedDelivery>> Handle(ListFailedDeliveries query, CancellationToken ct)
    {
        await subscriptions.Existing(query.Id, ct);
        return await subscriptions.Failures(query.Id, query.Limit ?? ListFailedDeliveries.DefaultLimit, ct);
    }
}
