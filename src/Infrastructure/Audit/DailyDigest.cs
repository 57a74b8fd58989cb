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
/// records a missing one at once. Waits on the injected clock, which tests move. With tenancy on it also looks for new
/// instansi every leadership polling interval (real time), so an instansi added while the service runs gets today's
/// digest then, not at the next start (docs/decisions/145).
/// </summary>
internal sealed class DailyDigest(
    IServiceScopeFactory scopes, Marten.IDocumentStore store, TimeProvider clock, AuditSettings settings, Tenancy.TenancySettings tenancy, NodeSettings nodes,
    NodeLeadership leadership, ILogger<DailyDigest> log)
    : LeaderOnlyJob(leadership, log)
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    protected override async Task Lead(CancellationToken stoppingToken)
    {
        var recorded = new HashSet<string?>();
        var day = clock.Today();
        while (settings.DailyDigest && !stoppingToken.IsCancellationRequested)
        {
            var today = clock.Today();
            if (today != day)
            {
                (day, recorded) = (today, []);
            }

            var wait = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), Wit.Offset) - clock.GetUtcNow();
            using (Operations.Start("daily-digest"))
            {
                try
                {
                    // One digest per instansi, in its own database (docs/decisions/145).
                    foreach (var tenant in (await Tenancy.TenantDatabases.All(store)).Where(t => !recorded.Contains(t)))
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        scope.ServiceProvider.GetRequiredService<Tenancy.TenantScope>().Enter(tenant);
                        if (await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordDailyDigest(today, stoppingToken) is { } digest)
                        {
                            log.LogInformation("Daily digest {DigestId} of {Tenant} over {Streams} stream heads: {Digest}", digest.Id, tenant, digest.Streams, digest.Digest);
                        }

                        recorded.Add(tenant);
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
                await UntilMidnightOrNewInstansi(wait, stoppingToken);
            }
        }
    }

    /// <summary>The service clock's midnight, or with tenancy on the next look at the tenant table, whichever comes first.</summary>
    private async Task UntilMidnightOrNewInstansi(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var midnight = Task.Delay(wait, clock, either.Token);
        var look = tenancy.Enabled ? Task.Delay(nodes.LeadershipPolling, either.Token) : Task.Delay(Timeout.Infinite, either.Token);
        await Task.WhenAny(midnight, look);
        await either.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }
}
