using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kinerja.Infrastructure.Common;

/// <param name="RetentionDays">How long a key is remembered after its first use; a retry after that is a new request.</param>
public sealed record IdempotencySettings(int RetentionDays = 30);

/// <summary>
/// Forgets Idempotency-Key records older than the retention (docs/decisions/003): at start-up and then every hour by the
/// service's clock, which tests move. The delete is the same on every node, so several nodes running it do no harm.
/// </summary>
internal sealed class IdempotencyRetention(IDocumentStore store, TimeProvider clock, IdempotencySettings settings, ILogger<IdempotencyRetention> log)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(settings.RetentionDays);
            try
            {
                await using var session = store.LightweightSession();
                session.DeleteWhere<IdempotencyRecord>(r => r.ClaimedAt < cutoff);
                await session.SaveChangesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Idempotency keys claimed before {Cutoff} could not be forgotten; retrying in {Interval}", cutoff, Interval);
            }

            await Task.Delay(Interval, clock, stoppingToken);
        }
    }
}
