using JasperFx.Events.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kinerja.Infrastructure.Common;

/// <summary>
/// Starts the async daemon's coordinator once the host has started, not among the hosted services (docs/decisions/171).
/// Started with them, its leader election and agents ran beside the rest of the start and took CPU from it on two cores,
/// while nothing a request reads waits for them: async projections lag their events by design, and a read that needs one
/// caught up waits for it (the tests' <c>WaitForNonStaleProjectionDataAsync</c>), before the start as after it.
/// </summary>
internal sealed class DaemonAfterStart(IProjectionCoordinator coordinator, IHostApplicationLifetime lifetime) : IHostedService
{
    private Task? _started;
    private CancellationTokenRegistration _registration;

    /// <summary>Swaps the hosted service Marten's <c>AddAsyncDaemon</c> registered (between <paramref name="from"/> and the end) for this one.</summary>
    public static void Replace(IServiceCollection services, int from)
    {
        var marten = services.Skip(from).Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null);
        services.Remove(marten);
        services.AddHostedService<DaemonAfterStart>();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStarted.Register(() => _started = coordinator.StartAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _registration.DisposeAsync();
        if (_started is not null)
        {
            await _started.WaitAsync(cancellationToken);
            await coordinator.StopAsync(cancellationToken);
        }
    }
}
