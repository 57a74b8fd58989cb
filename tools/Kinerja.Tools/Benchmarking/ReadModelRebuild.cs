using System.Diagnostics;
using Kinerja.Infrastructure.Integration;
using Kinerja.Infrastructure.ReadModels;
using Marten;

namespace Kinerja.Tools.Benchmarking;

public sealed record ProjectionRebuilt(string Projection, TimeSpan Elapsed);

/// <param name="Events">Events in the store (Marten's tombstones excluded): what a rebuild of everything has to read.</param>
public sealed record RebuildReport(long Events, TimeSpan Elapsed, IReadOnlyList<ProjectionRebuilt> Projections)
{
    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>
/// Rebuilds every projection the store knows (or only the one named) with Marten's projection daemon, as many at once as there are
/// cores (each reads the events on its own, so they do not wait for each other): each read model is wiped
/// and replayed from the first event.
/// </summary>
public sealed class ReadModelRebuild(IDocumentStore store)
{
    public IReadOnlyList<string> ProjectionNames() => [.. Projections.Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>The document types the projections write: what a rebuild must reproduce.</summary>
    public IReadOnlyList<Type> DocumentTypes() => [.. Projections.SelectMany(p => p.PublishedTypes()).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>
    /// Waits until the integration feed's subscription has read up to the last event stored when the wait began, in the store's schema or
    /// in <paramref name="schema"/> (<c>scale-probes</c> waits for the city's and the province's before timing either).
    /// </summary>
    public async Task WaitForFeed(TimeSpan timeout, CancellationToken ct, string? schema = null)
    {
        var s = schema ?? store.Options.Events.DatabaseSchemaName;
        await using var session = store.QuerySession();
        var head = (await session.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {s}.mt_events", ct)).Single();
        var deadline = Stopwatch.StartNew();
        while ((await session.QueryAsync<long>(
                   $"select coalesce(max(last_seq_id), -1) from {s}.mt_event_progression where name like '{IntegrationFeedSubscription.Name}:%'", ct)).Single() < head)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"The integration feed of schema {s} did not catch up within {timeout}.");
            }

            await Task.Delay(200, ct);
        }
    }

    private IEnumerable<JasperFx.Events.Projections.IProjectionSource<IDocumentOperations, IQuerySession>> Projections => StoredProjections.Of((StoreOptions)store.Options);

    public async Task<RebuildReport> RebuildAll(TimeSpan shardTimeout, CancellationToken ct, string? only = null)
    {
        await using var session = store.QuerySession();
        var events = (await session.QueryAsync<long>($"select count(*) from {store.Options.Events.DatabaseSchemaName}.mt_events where type <> 'tombstone'", ct)).Single();
        using var daemon = await store.BuildProjectionDaemonAsync();
        var total = Stopwatch.StartNew();
        var rebuilt = new System.Collections.Concurrent.ConcurrentBag<ProjectionRebuilt>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(ProjectionNames().Where(n => only is null || n == only), parallel, async (name, token) =>
        {
            var clock = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(name, shardTimeout, token);
            rebuilt.Add(new ProjectionRebuilt(name, clock.Elapsed));
        });

        return new RebuildReport(events, total.Elapsed, [.. rebuilt.OrderBy(r => r.Projection, StringComparer.Ordinal)]);
    }
}
