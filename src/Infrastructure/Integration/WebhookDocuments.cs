using Kinerja.Application.Integration.Webhooks;

namespace Kinerja.Infrastructure.Integration;

/// <summary>
/// A portal's webhook subscription and its delivery cursor. Every change to one happens under its
/// <see cref="SubscriptionLocks">lock</see>, so an admin action and a delivery never overwrite each other.
/// </summary>
internal sealed record WebhookSubscription(
    Guid Id,
    string Url,
    string[] EventTypes,
    string Secret,
    SubscriptionStatus Status,
    long Cursor,
    int ConsecutiveFailures,
    DateTimeOffset? RetryAt,
    string? LastError,
    DateTimeOffset? LastDeliveredAt,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public WebhookSubscription Delivered(long position, DateTimeOffset now) =>
        this with { Cursor = position, ConsecutiveFailures = 0, RetryAt = null, LastError = null, LastDeliveredAt = now };

    public WebhookSubscription Failed(string error, DateTimeOffset retryAt) =>
        this with { ConsecutiveFailures = ConsecutiveFailures + 1, RetryAt = retryAt, LastError = error };

    public bool Waiting(DateTimeOffset now) => RetryAt > now;

    public WebhookSubscriptionView View(long lag) => new(
        Id, Url, EventTypes, Status, Cursor, lag, ConsecutiveFailures, RetryAt, LastError, LastDeliveredAt, CreatedBy, CreatedAt);
}

internal sealed record WebhookFailure(
    Guid Id, Guid SubscriptionId, long Position, Guid EventId, string Type, int Attempt, DateTimeOffset AttemptedAt, int? StatusCode, string Error)
{
    /// <param name="deliveredUpTo">The subscription's position now: an attempt at or before it was delivered later.</param>
    public FailedDelivery View(long deliveredUpTo) => new(Position, EventId, Type, Attempt, AttemptedAt, StatusCode, Error, Position <= deliveredUpTo);
}

/// <summary>An employee's NIP as of the feed's position, so events that do not carry it can be published with it.</summary>
internal sealed record FeedSubject(Guid Id, string Nip);

/// <summary>Stream id → the employee (and parent stream, e.g. cycle) it concerns, as the feed has read it.</summary>
internal sealed record FeedStreamSubject(Guid Id, Guid EmployeeId, Guid? ParentId);
