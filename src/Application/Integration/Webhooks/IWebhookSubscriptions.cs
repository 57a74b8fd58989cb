using Kinerja.Application.Common;
using Kinerja.Domain;

namespace Kinerja.Application.Integration.Webhooks;

public enum SubscriptionStatus { Active, Paused }

public sealed record NewWebhookSubscription(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, string Secret, long StartAfter, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>
/// A subscription as the admin sees it (never its secret). <see cref="DeliveredUpTo"/> is the position of
/// the last event it acknowledged; <see cref="Lag"/> counts the matching events after it still to deliver.
/// </summary>
public sealed record WebhookSubscriptionView(
    Guid Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    SubscriptionStatus Status,
    long DeliveredUpTo,
    long Lag,
    int ConsecutiveFailures,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset? LastDeliveredAt,
    string CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>One attempt the receiver did not acknowledge with a 2xx answer in time.</summary>
/// <param name="Resolved">A later attempt delivered the event: the subscription's position has passed it. Still failing when false.</param>
public sealed record FailedDelivery(
    long Position, Guid EventId, string Type, int Attempt, DateTimeOffset AttemptedAt, int? StatusCode, string Error, bool Resolved);

public interface IWebhookSubscriptions
{
    Task Add(NewWebhookSubscription subscription, CancellationToken ct);

    Task<IReadOnlyList<WebhookSubscriptionView>> List(CancellationToken ct);

    Task<WebhookSubscriptionView?> Find(Guid id, CancellationToken ct);

    /// <returns>false when there is no such subscription.</returns>
    Task<bool> SetStatus(Guid id, SubscriptionStatus status, CancellationToken ct);

    /// <summary>Delivers again everything after <paramref name="afterPosition"/>, and forgets a pending back-off.</summary>
    Task<bool> Rewind(Guid id, long afterPosition, CancellationToken ct);

    Task<bool> Delete(Guid id, CancellationToken ct);

    /// <summary>Newest first.</summary>
    /// <summary>Failed attempts newest first, those attempted before <paramref name="before"/> when given.</summary>
    Task<IReadOnlyList<FailedDelivery>> Failures(Guid id, DateTimeOffset? before, int limit, CancellationToken ct);
}

/// <summary>Asks for a subscription's pending events to be delivered now, in the background.</summary>
public interface IWebhookDispatcher
{
    Task Dispatch(Guid subscriptionId, CancellationToken ct);
}

public static class WebhookRules
{
    public static NotFound NotFound(Guid id) => new("webhook-subscription-not-found", $"No webhook subscription has id {id}.");

    public static async Task<WebhookSubscriptionView> Existing(this IWebhookSubscriptions subscriptions, Guid id, CancellationToken ct) =>
        await subscriptions.Find(id, ct) ?? throw NotFound(id);

    /// <summary>A position to start from must already be in the feed: one beyond it would silently skip events still to come.</summary>
    public static async Task EnsureInFeed(this IFeed feed, long position, CancellationToken ct)
    {
        if (position > await feed.Head(ct))
        {
            throw new DomainRuleViolation("position-beyond-feed", $"Position {position} is beyond the end of the feed.");
        }
    }
}
