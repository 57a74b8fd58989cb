using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Kinerja.Api.Auth;
using Kinerja.Application.Common;
using Kinerja.Tools.Generating;
using Marten;
using static System.FormattableString;

namespace Kinerja.Tools.Benchmarking;

/// <summary>
/// <c>benchmark [--employees N] [--seed S] [--iterations I]</c>, on an empty database: generates a city,
/// rebuilds every projection from scratch, starts the host, times the query probes over HTTP and prints
/// the peak memory of this process. <c>scripts/benchmark.sh</c> gives it a scratch PostgreSQL.
/// <c>benchmark --rebuild-only [--rounds R]</c> only rebuilds, R times, on a database that already holds a city
/// (generated first when it holds no events): a minute per try instead of four when tuning the rebuild.
/// </summary>
public static class BenchmarkCommand
{
    public const string Verb = "benchmark";

    public static async Task<int> Run(WebApplication app, string[] args)
    {
        var options = CliOptions.Parse(args);
        if (!options.Int("employees", 10_000, CityGenerator.MinEmployees, out var employees) || !options.Int("seed", 1, 0, out var seed)
            || !options.Int("iterations", 500, 1, out var iterations) || !options.Int("rounds", 2, 1, out var rounds))
        {
            Console.Error.WriteLine($"usage: {Verb} [--employees N] [--seed S] [--iterations I] | {Verb} --rebuild-only [--rounds R] [--employees N] [--seed S]");
            return 2;
        }

        var ct = CancellationToken.None;
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var rebuildOnly = options.Flag("rebuild-only");
        if (rebuildOnly && (await store.Advanced.FetchEventStoreStatistics(token: ct)).EventCount > 0)
        {
            Console.WriteLine("write:    the database already holds a city; it is rebuilt as it is");
            await Rebuild(app, ["cold", .. Enumerable.Range(2, rounds - 1).Select(r => Invariant($"warm {r}"))], ct);
            return 0;
        }

        var city = await app.Services.GetRequiredService<CityGenerator>().Generate(employees, seed, ct, line => Console.WriteLine("  " + line));
        Console.WriteLine("write:    " + GenerateCityCommand.Describe(city));
        Console.WriteLine(Invariant($"          peak memory so far {PeakMemoryMiB()} MiB; {GenerateCityCommand.Analyzed(await PlannerStatistics.Refresh(store, vacuum: false, ct))}"));

        // The first rebuild in a process also runs the daemon's code before the JIT has optimised it; the second shows
        // the steady rate a rebuild in a running service gets. Both are printed.
        await Rebuild(app, ["cold", "warm"], ct);
        if (rebuildOnly)
        {
            return 0;
        }

        // Two rebuilds leave every read-model table full of dead rows and without statistics; a running service's
        // autovacuum clears that within minutes, so the queries are timed after doing the same at once.
        var vacuum = await PlannerStatistics.Refresh(store, vacuum: true, ct);
        Console.WriteLine(Invariant($"vacuum:   vacuum analyze after the rebuilds in {vacuum.TotalSeconds:0.0} s"));
        await app.StartAsync(ct);
        var catchUp = Stopwatch.StartNew();
        // The integration feed reads every generated event through the async daemon once the host starts;
        // probing while it catches up would time the catch-up.
        await app.Services.GetRequiredService<ReadModelRebuild>().WaitForFeed(TimeSpan.FromMinutes(30), ct);
        Console.WriteLine(Invariant($"feed:     async daemon caught up in {catchUp.Elapsed.TotalSeconds:0.0} s"));

        var token = TokenIssuer.Issue(AuthSettings.From(app.Configuration), Roles.HrAdmin, null, "benchmark", TimeSpan.FromHours(4));
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var beforeProbes = GcFigures.Now();
        foreach (var probe in QueryProbes.All)
        {
            Console.WriteLine("query:    " + QueryProbes.Describe(await QueryProbes.Measure(http, probe, city, iterations, ct)));
        }

        Console.WriteLine("          " + (GcFigures.Now() - beforeProbes).Describe() + " during the probes (client and server are this one process)");

        Console.WriteLine(Invariant($"memory:   peak (VmHWM) {PeakMemoryMiB()} MiB"));
        await app.StopAsync(ct);
        return 0;
    }

    private static async Task Rebuild(WebApplication app, IReadOnlyList<string> rounds, CancellationToken ct)
    {
        var rebuilder = app.Services.GetRequiredService<ReadModelRebuild>();
        foreach (var round in rounds)
        {
            var before = GcFigures.Now();
            var rebuild = await rebuilder.RebuildAll(TimeSpan.FromMinutes(30), ct);
            var gc = GcFigures.Now() - before;
            foreach (var projection in rebuild.Projections)
            {
                Console.WriteLine(Invariant($"  rebuilt {projection.Projection,-45} {projection.Elapsed.TotalSeconds,7:0.0} s"));
            }

            Console.WriteLine(Invariant($"rebuild:  ({round}) {rebuild.Projections.Count} projections from {rebuild.Events} events in {rebuild.Elapsed.TotalSeconds:0.0} s ({rebuild.EventsPerSecond:0} events/s); peak memory so far {PeakMemoryMiB()} MiB"));
            Console.WriteLine("          " + gc.Describe());
        }
    }

    /// <summary>What the garbage collector did so far in this process; the difference of two shows one rebuild's share.</summary>
    private sealed record GcFigures(long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan Paused)
    {
        public static GcFigures Now() => new(GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public string Describe() =>
            Invariant($"garbage collector: {AllocatedBytes / (1024 * 1024)} MiB allocated, {Gen0} / {Gen1} / {Gen2} collections (gen 0 / 1 / 2), paused {Paused.TotalSeconds:0.00} s");

        public static GcFigures operator -(GcFigures a, GcFigures b) =>
            new(a.AllocatedBytes - b.AllocatedBytes, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused);
    }

    /// <summary>The resident set's high-water mark of this process, from /proc (Linux).</summary>
    private static long PeakMemoryMiB() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).FirstOrDefault();
}
