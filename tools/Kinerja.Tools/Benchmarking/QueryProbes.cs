using System.Diagnostics;
using System.Globalization;
using Kinerja.Tools.Generating;

namespace Kinerja.Tools.Benchmarking;

/// <summary>A read the benchmark times against the running host; the path is built from facts of the generated city.</summary>
public sealed record QueryProbe(string Name, Func<CitySummary, string> Path);

/// <param name="Slowest">The requests from the p99 up, slowest first, each with when it started and what the collector did meanwhile.</param>
public sealed record ProbeResult(string Name, string Path, int Iterations, double P50Ms, double P99Ms, double MaxMs, IReadOnlyList<TimedRequest>? Slowest = null);

/// <summary>
/// One timed request: its start (UTC, to be matched with PostgreSQL's log of checkpoints and autovacuum runs), the highest generation
/// the garbage collector collected while it ran (-1 for none) and the collector's pauses within it (client and server share the process).
/// </summary>
public sealed record TimedRequest(double Ms, DateTime StartedAt, int GcGeneration, double GcPausedMs);

public static class QueryProbes
{
    /// <summary>The reads the benchmark times; a new query is one more line here.</summary>
    public static IReadOnlyList<QueryProbe> All { get; } =
    [
        new("appraisals of a unit (closed cycle)", c => $"/api/v1/cycles/{c.ClosedCycleId}/appraisals?unit={c.BusiestUnit}&limit=100"),
        new("one appraisal with plan and feedback", c => $"/api/v1/cycles/{c.ClosedCycleId}/appraisals/{c.SampleNip}"),
        new("unit distribution (closed cycle)", c => $"/api/v1/cycles/{c.ClosedCycleId}/units/{c.BusiestUnit}/distribution"),
        new("employee list page (city-wide)", _ => "/api/v1/employees?limit=100"),
        new("employees of a unit", c => $"/api/v1/employees?unit={c.BusiestUnit}&limit=100"),
        new("employee search (name or position)", c => $"/api/v1/employees?q={Uri.EscapeDataString(c.SearchTerm)}&limit=100"),
        new("subordinates of the busiest supervisor", c => $"/api/v1/employees/{c.BusiestSupervisorNip}/subordinates"),
        new("JP shortfalls of a unit", c => $"/api/v1/units/{c.BusiestUnit}/jp-shortfalls?year=2026"),
        new("ranking (unit, closed cycle)", c => $"/api/v1/cycles/{c.ClosedCycleId}/ranking?unit={c.BusiestUnit}"),
        new("ranking (city-wide, closed cycle)", c => $"/api/v1/cycles/{c.ClosedCycleId}/ranking"),
        new("candidates for a vacant position", c => $"/api/v1/positions/{c.SamplePosition}/candidates"),
        new("talent grid of a unit", c => $"/api/v1/cycles/{c.ClosedCycleId}/talent-grid?unit={c.BusiestUnit}"),
    ];

    /// <summary>Sequential requests after a warm-up; p50 and p99 by nearest rank over the timed ones.</summary>
    public static async Task<ProbeResult> Measure(HttpClient http, QueryProbe probe, CitySummary city, int iterations, CancellationToken ct) =>
        (await MeasureAlternated(probe.Name, [(http, probe.Path(city))], iterations, ct))[0];

    /// <summary>
    /// One probe against several services at once (the city's and the province's, <c>scale-probes</c>): every round sends one request to
    /// each, the one that goes first turning with each round, so that whatever the machine does meanwhile falls on all of them alike.
    /// One result per target, in their order.
    /// </summary>
    public static async Task<IReadOnlyList<ProbeResult>> MeasureAlternated(string name, IReadOnlyList<(HttpClient Http, string Path)> targets, int iterations, CancellationToken ct)
    {
        for (var i = 0; i < UntimedFirst(iterations); i++)
        {
            foreach (var (http, path) in targets)
            {
                await Get(http, path, ct);
            }
        }

        var timings = targets.Select(_ => new TimedRequest[iterations]).ToArray();
        for (var i = 0; i < iterations; i++)
        {
            for (var k = 0; k < targets.Count; k++)
            {
                var t = (i + k) % targets.Count;
                var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
                var paused = GC.GetTotalPauseDuration();
                var startedAt = DateTime.UtcNow;
                var clock = Stopwatch.StartNew();
                await Get(targets[t].Http, targets[t].Path, ct);
                var ms = clock.Elapsed.TotalMilliseconds;
                var generation = Enumerable.Range(0, 3).LastOrDefault(g => GC.CollectionCount(g) > collections[g], -1);
                timings[t][i] = new TimedRequest(ms, startedAt, generation, (GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
            }
        }

        return [.. targets.Select((target, t) =>
        {
            var sorted = timings[t].OrderBy(r => r.Ms).ToArray();
            var p99 = RankIndex(sorted.Length, 0.99);
            return new ProbeResult(name, target.Path, iterations, sorted[RankIndex(sorted.Length, 0.50)].Ms, sorted[p99].Ms, sorted[^1].Ms, [.. sorted[p99..].Reverse()]);
        })];
    }

    /// <summary>The requests of a probe sent untimed before its timed ones.</summary>
    public static int UntimedFirst(int iterations) => Math.Min(20, iterations);

    /// <summary>Untimed requests of every probe in turn, before any is timed.</summary>
    public static async Task Warm(HttpClient http, CitySummary city, int requests, CancellationToken ct)
    {
        foreach (var probe in All)
        {
            for (var i = 0; i < requests; i++)
            {
                await Get(http, probe.Path(city), ct);
            }
        }
    }

    public static string Describe(ProbeResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Name,-40} p50 {r.P50Ms,7:0.00} ms  p99 {r.P99Ms,7:0.00} ms  max {r.MaxMs,7:0.00} ms  ({r.Iterations} requests: GET {r.Path})");

    /// <summary>The requests from the p99 up: what set the p99 (a collection, or a moment to look up in PostgreSQL's log).</summary>
    public static string DescribeSlowest(ProbeResult r) => string.Join("; ", (r.Slowest ?? []).Select(t => string.Create(CultureInfo.InvariantCulture,
        $"{t.Ms:0.0} ms at {t.StartedAt:HH:mm:ss.fff}{(t.GcGeneration < 0 ? "" : $" during a gen {t.GcGeneration} collection (paused {t.GcPausedMs:0.0} ms)")}")));

    /// <summary>Nearest rank: the p99 of 300 requests is the 297th, with three slower than it.</summary>
    private static int RankIndex(int count, double quantile) => Math.Clamp((int)Math.Ceiling(quantile * count) - 1, 0, count - 1);

    private static async Task Get(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}
