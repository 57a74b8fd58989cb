using System.Globalization;
using FluentValidation;
using Kinerja.Application.Common;
using Mediator;

namespace Kinerja.Application.Integration.Webhooks.GettingSubscriptions;

public sealed record ListWebhookSubscriptions : IQuery<IReadOnlyList<WebhookSubscriptionView>>;

public sealed record GetWebhookSubscription(Guid Id) : IQuery<WebhookSubscriptionView>;

/// <summary>
/// The attempts a receiver did not acknowledge, newest first, each saying whether a later attempt delivered it; paged by
/// cursor (the attempts of one subscription are sequential under its lock, so their instants differ).
/// </summary>
public sealed record ListFailedDeliveries(Guid Id, int? Limit, string? Cursor = null) : IQuery<Page<FailedDelivery>>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

public sealed class ListFailedDeliveriesValidator : AbstractValidator<ListFailedDeliveries>
{
    public ListFailedDeliveriesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListFailedDeliveries.MaxLimit);
        RuleFor(q => q.Cursor).IssuedCursor(c => FailedDeliveryCursor.Decode(c) is not null);
    }
}

/// <summary>Opaque keyset cursor: the attempt instant (UTC ticks) of the last item of the previous page.</summary>
public static class FailedDeliveryCursor
{
    private const string List = "failed-deliveries";

    public static string Encode(DateTimeOffset attemptedAt) => KeysetCursor.Encode(List, attemptedAt.UtcTicks.ToString(CultureInfo.InvariantCulture));

    public static DateTimeOffset? Decode(string cursor) =>
        KeysetCursor.Decode(List, cursor, key => Ticks(key) is not null) is { } key ? new DateTimeOffset(Ticks(key)!.Value, TimeSpan.Zero) : null;

    private static long? Ticks(string key) =>
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks ? ticks : null;
}

public sealed class WebhookSubscriptionQueries(IWebhookSubscriptions subscriptions)
    : IQueryHandler<ListWebhookSubscriptions, IReadOnlyList<WebhookSubscriptionView>>,
      IQueryHandler<GetWebhookSubscription, WebhookSubscriptionView>,
      IQueryHandler<ListFailedDeliveries, Page<FailedDelivery>>
{
    public async ValueTask<IReadOnlyList<WebhookSubscriptionView>> Handle(ListWebhookSubscriptions query, CancellationToken ct) =>
        await subscriptions.List(ct);

    public async ValueTask<WebhookSubscriptionView> Handle(GetWebhookSubscription query, CancellationToken ct) =>
        await subscriptions.Existing(query.Id, ct);

    public async ValueTask<Page<FailedDelivery>> Handle(ListFailedDeliveries query, CancellationToken ct)
    {
        await subscriptions.Existing(query.Id, ct);
        var limit = query.Limit ?? ListFailedDeliveries.DefaultLimit;
        var rows = await subscriptions.Failures(query.Id, query.Cursor is { } c ? FailedDeliveryCursor.Decode(c) : null, limit + 1, ct);
        var items = rows.Take(limit).ToList();
        return new Page<FailedDelivery>(items, rows.Count > limit ? FailedDeliveryCursor.Encode(items[^1].AttemptedAt) : null);
    }
}
