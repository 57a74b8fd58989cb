using System.Diagnostics;
using System.Globalization;
using Kinerja.Tools.Generating;

namespace Kinerja.Tools.Benchmarking;

/// <summary>A read the benchmark times against the running host; the path is built from facts of the generated city.</summary>
public sealed record QueryProbe(string Name, Func<CitySummary, string> Path);

public sealed record ProbeResult(string Name, string Path, int Iterations, double P50Ms, double P99Ms, double MaxMs);

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
    public static async Task<ProbeResult> Measure(HttpClient http, QueryProbe probe, CitySummary city, int iterations, CancellationToken ct)
    {
        var path = probe.Path(city);
        for (var i = 0; i < Math.Min(20, iterations); i++)
        {
            await Get(http, path, ct);
        }

        var timings = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            await Get(http, path, ct);
            timings[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(timings);
        return new ProbeResult(probe.Name, path, iterations, Rank(timings, 0.50), Rank(timings, 0.99), timings[^1]);
    }

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

    private static double Rank(double[] sorted, double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task Get(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}
