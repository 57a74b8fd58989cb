using System.Diagnostics;

namespace Kinerja.Tools.Benchmarking;

/// <summary>
/// Processor seconds spent by this process and by the benchmark's PostgreSQL server (its postmaster, live backends and the backends it
/// has reaped), read from /proc. On a machine shared with other work the wall time follows the load; the processor time a run spends
/// does not, so it is the figure to compare between runs taken at different loads.
/// </summary>
public sealed class CpuMeter(string? dataDirectory)
{
    /// <summary>The benchmark cluster's data directory from scripts/postgres.sh (KINERJA_PG_DIR); without it only this process is metered.</summary>
    public static CpuMeter FromEnvironment() =>
        new(Environment.GetEnvironmentVariable("KINERJA_PG_DIR") is { Length: > 0 } dir ? Path.Combine(dir, "data") : null);

    public readonly record struct Reading(TimeSpan Service, TimeSpan? Database);

    public Reading Read() => new(Process.GetCurrentProcess().TotalProcessorTime, Database());

    private TimeSpan? Database() =>
        dataDirectory is not null && File.Exists(Path.Combine(dataDirectory, "postmaster.pid"))
        && int.TryParse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), out var postmaster)
            ? ServerCpu.OfServer(postmaster)
            : null;
}
