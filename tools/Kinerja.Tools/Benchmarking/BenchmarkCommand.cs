using System.Diagnostics;
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
/// (generated first when it holds no events): a minute per try instead of four when tuning the rebuild, <c>--projection NAME</c> only that
/// projection; <c>--probes-only</c> times only
/// the queries on such a database. <c>--report FILE</c> keeps the figures as JSON and <c>--against FILE</c> prints the ratios to an earlier
/// run's (<c>scripts/benchmark.sh --province</c>: the province against the city measured just before it). <c>--warm-pass N</c> sends N
/// untimed requests of every probe before timing any (default 300, in every mode, so that runs compared are timed in one state).
/// </summary>
public static class BenchmarkCommand
{
    public const string Verb = "benchmark";

    /// <summary>
    /// Untimed requests of every probe before the first is timed. A <c>--probes-only</c> process has run nothing before them; a full
    /// run's process generated and rebuilt the city first, warm in the shared code but not yet in each probe's own; both get the same
    /// pass so that the province's figures and the city's they are divided by come from one state (docs/decisions/162).
    /// </summary>
    private const int WarmPass = 300;

    public static async Task<int> Run(WebApplication app, string[] args)
    {
        var options = CliOptions.Parse(args);
        if (!options.Int("employees", 10_000, CityGenerator.MinEmployees, out var employees) || !options.Int("seed", 1, 0, out var seed)
            || !options.Int("iterations", 500, 1, out var iterations) || !options.Int("rounds", 2, 1, out var rounds)
            || !options.Int("warm-pass", WarmPass, 0, out var warmPass))
        {
            Console.Error.WriteLine($"usage: {Verb} [--employees N] [--seed S] [--iterations I] [--report FILE] [--against FILE] | {Verb} --rebuild-only [--rounds R] [--employees N] [--seed S] [--projection NAME] | {Verb} --probes-only [--iterations I] [--warm-pass N]");
            return 2;
        }

        var ct = CancellationToken.None;
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var rebuildOnly = options.Flag("rebuild-only");
        var held = (await store.Advanced.FetchEventStoreStatistics(token: ct)).EventCount > 0;
        if (options.Flag("probes-only"))
        {
            if (!held)
            {
                Console.Error.WriteLine($"{Verb} --probes-only needs a database that holds a city (run {Verb} --rebuild-only first)");
                return 2;
            }

            // A kept city (the rebuild cluster): the read models are as the last rebuild left them; only the queries are timed again,
            // after a change to an index or a query, in a minute instead of the generation's and rebuild's many.
            var kept = await Serve(app, store, await KeptCity.Read(store, ct), iterations, warmPass, ct);
            Console.WriteLine(Invariant($"memory:   peak (VmHWM) serving (feed catch-up and probes) {kept.PeakMiB} MiB"));
            return 0;
        }

        if (options.Value("projection") is { } named && !app.Services.GetRequiredService<ReadModelRebuild>().ProjectionNames().Contains(named))
        {
            Console.Error.WriteLine($"{Verb} --projection: no projection is named {named}; there are {string.Join(", ", app.Services.GetRequiredService<ReadModelRebuild>().ProjectionNames())}");
            return 2;
        }

        if (rebuildOnly && held)
        {
            Console.WriteLine("write:    the database already holds a city; it is rebuilt as it is");
            await Rebuild(app, ["cold", .. Enumerable.Range(2, rounds - 1).Select(r => Invariant($"warm {r}"))], ct, options.Value("projection"));
            return 0;
        }

        PeakMemory.Reset();
        var city = await app.Services.GetRequiredService<CityGenerator>().Generate(employees, seed, ct, line => Console.WriteLine("  " + line));
        Console.WriteLine("write:    " + GenerateCityCommand.Describe(city));
        var generatePeak = PeakMemory.MiB();
        Console.WriteLine(Invariant($"          peak memory of the generation {generatePeak} MiB; {GenerateCityCommand.Analyzed(await PlannerStatistics.Refresh(store, vacuum: false, ct))}"));

        // The first rebuild in a process also runs the daemon's code before the JIT has optimised it; the second shows
        // the steady rate a rebuild in a running service gets. Both are printed.
        PeakMemory.Reset();
        var rebuilds = await Rebuild(app, ["cold", "warm"], ct);
        var rebuildPeak = PeakMemory.MiB();
        if (rebuildOnly)
        {
            return 0;
        }

        var served = await Serve(app, store, city, iterations, warmPass, ct);
        Console.WriteLine(Invariant($"memory:   peak (VmHWM) of this one process: generating {generatePeak} MiB, rebuilding {rebuildPeak} MiB, serving (feed catch-up and probes) {served.PeakMiB} MiB"));
        var report = new BenchmarkReport(city.Employees, city.Events, city.Streams, city.Elapsed.TotalSeconds, city.EventsPerSecond,
            rebuilds[0].Elapsed.TotalSeconds, rebuilds[^1].Elapsed.TotalSeconds, served.FeedCatchUp.TotalSeconds, served.Probes,
            generatePeak, rebuildPeak, served.PeakMiB, served.Storage);
        if (options.Value("report") is { } reportPath)
        {
            await BenchmarkReport.Save(report, reportPath, ct);
        }

        if (options.Value("against") is { } againstPath)
        {
            foreach (var line in ScaleComparison.Lines(report, await BenchmarkReport.Load(againstPath, ct)))
            {
                Console.WriteLine(line);
            }
        }

        return 0;
    }

    private sealed record Served(IReadOnlyList<ProbeResult> Probes, TimeSpan FeedCatchUp, long PeakMiB, StorageFigures Storage);

    /// <summary>Clears the rebuilds' dead rows, starts the host, waits for the feed and times every probe over HTTP.</summary>
    private static async Task<Served> Serve(WebApplication app, IDocumentStore store, CitySummary city, int iterations, int warmPass, CancellationToken ct)
    {
        // Two rebuilds leave every read-model table full of dead rows and without statistics; a running service's
        // autovacuum clears that within minutes, so the queries are timed after doing the same at once.
        var vacuum = await PlannerStatistics.Refresh(store, vacuum: true, ct);
        Console.WriteLine(Invariant($"vacuum:   vacuum analyze after the rebuilds in {vacuum.TotalSeconds:0.0} s"));
        var storage = await StorageFigures.Read(store, ct);
        Console.WriteLine("storage:  " + storage.Describe(city.Events));
        PeakMemory.Reset();
        await app.StartAsync(ct);
        var catchUp = Stopwatch.StartNew();
        // The integration feed reads every generated event through the async daemon once the host starts;
        // probing while it catches up would time the catch-up.
        await app.Services.GetRequiredService<ReadModelRebuild>().WaitForFeed(TimeSpan.FromMinutes(30), ct);
        var feed = catchUp.Elapsed;
        Console.WriteLine(Invariant($"feed:     async daemon caught up in {feed.TotalSeconds:0.0} s"));

        var token = TokenIssuer.Issue(AuthSettings.From(app.Configuration), Roles.HrAdmin, null, "benchmark", TimeSpan.FromHours(4));
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (warmPass > 0)
        {
            // A process that generated and rebuilt a city has run the shared code (Npgsql, Marten, serialization) far past the
            // JIT's tiering; a fresh --probes-only process has not. N requests of every probe first put both in the same state.
            await QueryProbes.Warm(http, city, warmPass, ct);
            Console.WriteLine(Invariant($"warm:     {warmPass} untimed requests of every probe first"));
        }

        var beforeProbes = GcFigures.Now();
        var probes = new List<ProbeResult>();
        foreach (var probe in QueryProbes.All)
        {
            var result = await QueryProbes.Measure(http, probe, city, iterations, ct);
            probes.Add(result);
            Console.WriteLine("query:    " + QueryProbes.Describe(result));
            Console.WriteLine("          slowest: " + QueryProbes.DescribeSlowest(result));
        }

        Console.WriteLine("          " + (GcFigures.Now() - beforeProbes).Describe() + " during the probes (client and server are this one process)");
        var peak = PeakMemory.MiB();
        await app.StopAsync(ct);
        return new Served(probes, feed, peak, storage);
    }

    private static async Task<IReadOnlyList<RebuildReport>> Rebuild(WebApplication app, IReadOnlyList<string> rounds, CancellationToken ct, string? only = null)
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var rebuilder = app.Services.GetRequiredService<ReadModelRebuild>();
        var reports = new List<RebuildReport>();
        foreach (var round in rounds)
        {
            var before = GcFigures.Now();
            var serverBefore = await ServerCpu.Used(store, ct);
            var rebuild = await rebuilder.RebuildAll(TimeSpan.FromMinutes(30), ct, only);
            var gc = GcFigures.Now() - before;
            var server = await ServerCpu.Used(store, ct) - serverBefore;
            foreach (var projection in rebuild.Projections)
            {
                Console.WriteLine(Invariant($"  rebuilt {projection.Projection,-45} {projection.Elapsed.TotalSeconds,7:0.0} s"));
            }

            Console.WriteLine(Invariant($"rebuild:  ({round}) {rebuild.Projections.Count} projections from {rebuild.Events} events in {rebuild.Elapsed.TotalSeconds:0.0} s ({rebuild.EventsPerSecond:0} events/s); peak memory so far {PeakMemory.MiB()} MiB"));
            Console.WriteLine("          " + gc.Describe());
            Console.WriteLine(Invariant($"          CPU time: {gc.Cpu.TotalSeconds:0.0} s in this process, {(server is { } s ? Invariant($"{s.TotalSeconds:0.0} s") : "unknown")} in PostgreSQL (the wall time on an idle machine is about their sum over the cores)"));
            reports.Add(rebuild);
        }

        return reports;
    }

    /// <summary>What the garbage collector did so far in this process, and the CPU time it took; the difference of two shows one rebuild's share.</summary>
    private sealed record GcFigures(long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan Paused, TimeSpan Cpu)
    {
        public static GcFigures Now() => new(GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(),
            Process.GetCurrentProcess().TotalProcessorTime);

        public string Describe() =>
            Invariant($"garbage collector: {AllocatedBytes / (1024 * 1024)} MiB allocated, {Gen0} / {Gen1} / {Gen2} collections (gen 0 / 1 / 2), paused {Paused.TotalSeconds:0.00} s");

        public static GcFigures operator -(GcFigures a, GcFigures b) =>
            new(a.AllocatedBytes - b.AllocatedBytes, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused, a.Cpu - b.Cpu);
    }
}
