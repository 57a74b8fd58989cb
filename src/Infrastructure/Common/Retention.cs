using Kinerja.Infrastructure.Integration;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kinerja.Infrastructure.Common;

/// <param name="IdempotencyKeyDays">How long an Idempotency-Key is remembered after its first use; a retry after that is a new request.</param>
/// <param name="WebhookFailureDays">How long a failed webhook delivery attempt stays listed.</param>
public sealed record RetentionSettings(int IdempotencyKeyDays = 30, int WebhookFailureDays = 90);

/// <summary>
/// Forgets what is only kept for a while, not the record of what happened: Idempotency-Key records
/// (docs/decisions/003) and failed webhook delivery attempts (docs/decisions/030) past their retention. Runs at
/// start-up and then every hour by the service's clock, which tests move. The deletes are the same on every node,
/// so several nodes running them do no harm.
/// </summary>
internal sealed class Retention(IDocumentStore store, TimeProvider clock, RetentionSettings settings, ILogger<Retention> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            try
            {
                var keysBefore = now - TimeSpan.FromDays(settings.IdempotencyKeyDays);
                var failuresBefore = now - TimeSpan.FromDays(settings.WebhookFailureDays);
                await using var session = store.LightweightSession();
                session.DeleteWhere<IdempotencyRecord>(r => r.ClaimedAt < keysBefore);
                session.DeleteWhere<WebhookFailure>(f => f.AttemptedAt < failuresBefore);
                await session.SaveChangesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Expired idempotency keys and webhook failures could not be deleted; retrying in {Interval}", Interval);
            }

            await Task.Delay(Interval, clock, stoppingToken);
        }
    }
}
