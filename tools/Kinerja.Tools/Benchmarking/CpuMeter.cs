using System.Diagnostics;
using System.Globalization;

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

    private TimeSpan? Database()
    {
        if (dataDirectory is null || !File.Exists(Path.Combine(dataDirectory, "postmaster.pid"))
            || !int.TryParse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), out var postmaster))
        {
            return null;
        }

        var ticks = 0L;
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            if (Fields(stat) is not { } f)
            {
                continue;
            }

            var pid = long.Parse(f[0], CultureInfo.InvariantCulture);
            var parent = long.Parse(f[3], CultureInfo.InvariantCulture);
            // Fields 14-15 are this process's user and system time, 16-17 those of its children it has waited for (ended backends).
            if (pid == postmaster)
            {
                ticks += Sum(f, 13, 14) + Sum(f, 15, 16);
            }
            else if (parent == postmaster)
            {
                ticks += Sum(f, 13, 14);
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static long Sum(string[] f, int a, int b) => long.Parse(f[a], CultureInfo.InvariantCulture) + long.Parse(f[b], CultureInfo.InvariantCulture);

    /// <summary>The stat line's fields with the command name (which may hold spaces) kept as one.</summary>
    private static string[]? Fields(string path)
    {
        try
        {
            var line = File.ReadAllText(path);
            var close = line.LastIndexOf(')');
            return close < 0 ? null : [line[..line.IndexOf(' ', StringComparison.Ordinal)], "comm", .. line[(close + 2)..].Split(' ')];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
