using Kinerja.Application.Audit;
using Kinerja.Application.Audit.ListingLateEntries;
using Kinerja.Application.Common;
using Kinerja.Infrastructure.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kinerja.Infrastructure.Audit;

/// <summary>
/// Records the digest of all stream heads once per WIT day: at start-up when today's is missing (so a restart or a
/// node that was down catches up) and at each midnight WIT after that. The day is the digest's id, so of several
/// nodes exactly one records it; only the leading node runs it (<see cref="NodeLeadership"/>), and a node that takes over
/// records a missing one at once. Waits on the injected clock, which tests move.
/// </summary>
internal sealed class DailyDigest(IServiceScopeFactory scopes, Marten.IDocumentStore store, TimeProvider clock, AuditSettings settings, NodeLeadership leadership, ILogger<DailyDigest> log)
    : LeaderOnlyJob(leadership, log)
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    protected override async Task Lead(CancellationToken stoppingToken)
    {
        while (settings.DailyDigest && !stoppingToken.IsCancellationRequested)
        {
            var today = clock.Today();
            var wait = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), Wit.Offset) - clock.GetUtcNow();
            using (Operations.Start("daily-digest"))
            {
                try
                {
                    // One digest per instansi, in its own database (docs/decisions/145).
                    foreach (var tenant in await Tenancy.TenantDatabases.All(store))
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        scope.ServiceProvider.GetRequiredService<Tenancy.TenantScope>().Enter(tenant);
                        if (await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordDailyDigest(today, stoppingToken) is { } digest)
                        {
                            log.LogInformation("Daily digest {DigestId} of {Tenant} over {Streams} stream heads: {Digest}", digest.Id, tenant, digest.Streams, digest.Digest);
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "The daily digest for {Day} could not be recorded; retrying", today);
                    wait = wait < RetryAfterFailure ? wait : RetryAfterFailure;
                }
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
    }
}
