using Kinerja.Infrastructure.Integration;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kinerja.Infrastructure.Common;

public sealed class RetentionSettings
{
    /// <summary>How long an Idempotency-Key is remembered after its first use; a retry after that is a new request.</summary>
    public int IdempotencyKeyDays { get; set; } = 30;

    /// <summary>How long a failed webhook delivery attempt stays listed.</summary>
    public int WebhookFailureDays { get; set; } = 90;

    public static IEnumerable<string> Broken(RetentionSettings r) =>
        new[] { (nameof(IdempotencyKeyDays), r.IdempotencyKeyDays), (nameof(WebhookFailureDays), r.WebhookFailureDays) }
            .Where(s => s.Item2 < 1)
            .Select(s => $"{s.Item1} is {s.Item2}; it takes a whole number of days, 1 or more.");
}

/// <summary>
/// Forgets what is only kept for a while, not the record of what happened: Idempotency-Key records
/// (docs/decisions/003) and failed webhook delivery attempts (docs/decisions/030) past their retention. Runs at
/// start-up and then every hour by the service's clock, which tests move. Only the leading node runs it
/// (<see cref="NodeLeadership"/>); the deletes are idempotent, so the moment two nodes might overlap in a takeover does no harm.
/// </summary>
internal sealed class Retention(IDocumentStore store, TimeProvider clock, RetentionSettings settings, NodeLeadership leadership, ILogger<Retention> log)
    : LeaderOnlyJob(leadership, log)
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task Lead(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            using (Operations.Start("retention"))
            {
                try
                {
                    var keysBefore = now - TimeSpan.FromDays(settings.IdempotencyKeyDays);
                    var failuresBefore = now - TimeSpan.FromDays(settings.WebhookFailureDays);
                    foreach (var tenant in await Tenancy.TenantDatabases.All(store))
                    {
                        await using var session = Tenancy.TenantDatabases.Write(store, tenant);
                        session.DeleteWhere<IdempotencyRecord>(r => r.ClaimedAt < keysBefore);
                        session.DeleteWhere<IdempotencyReceipt>(r => r.CommittedAt < keysBefore);
                        session.DeleteWhere<WebhookFailure>(f => f.AttemptedAt < failuresBefore);
                        await session.SaveChangesAsync(stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Expired idempotency keys and webhook failures could not be deleted; retrying in {Interval}", Interval);
                }
            }

            await Task.Delay(Interval, clock, stoppingToken);
        }
    }
}
