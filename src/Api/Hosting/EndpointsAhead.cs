namespace Kinerja.Api.Hosting;

/// <summary>
/// Builds the route endpoints while the other hosted services start (docs/decisions/171). Building them is the largest
/// share of the start's CPU: each generated request delegate resolves the JSON metadata of its bodies, and that metadata's
/// generic code over the API's value types is compiled by the JIT (ReadyToRun cannot hold it across the framework's
/// version bubble). The web host builds them only when it makes its pipeline, after the schema check and Wolverine's start
/// have waited on PostgreSQL; here they are built on the second core meanwhile, and the web host finds them built (or waits
/// on the same lock for the rest). Nothing listens before every hosted service has started, so readiness means what it did.
/// </summary>
internal sealed class EndpointsAhead(EndpointDataSource endpoints, ILogger<EndpointsAhead> log) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // Not awaited: the point is to overlap the services' starts. A failure here is logged, and the web host meets the
        // same failure again when it builds the endpoints itself, which stops the start as it always did.
        _ = Task.Run(() => endpoints.Endpoints, cancellationToken).ContinueWith(
            built => log.LogDebug(built.Exception, "Building the endpoints ahead failed; the web host builds them as it starts"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
