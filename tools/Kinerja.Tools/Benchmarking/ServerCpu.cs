using System.Globalization;
using Marten;

namespace Kinerja.Tools.Benchmarking;

/// <summary>
/// CPU time the benchmark's own PostgreSQL server has used so far (the postmaster, its live backends and those it has
/// reaped), read from /proc. On a machine shared with other work a rebuild's wall time stretches with the load average,
/// while the CPU seconds it takes in this process and in the server move far less: they are the figures to compare runs by.
/// </summary>
public static class ServerCpu
{
    /// <summary>Linux reports /proc times in USER_HZ, 100 a second on every architecture it runs on.</summary>
    private const double TicksPerSecond = 100;

    public static async Task<TimeSpan?> Used(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var backend = (await session.QueryAsync<int>("select pg_backend_pid()", ct)).Single();
        return Stat(backend) is { } own ? OfServer(own.Parent) : null;
    }

    /// <summary>The CPU time of the PostgreSQL server whose postmaster has this process id, its live backends and those it has reaped.</summary>
    public static TimeSpan OfServer(int postmaster)
    {
        var ticks = Stat(postmaster) is { } server ? server.Own + server.Reaped : 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(pid) is { } child && child.Parent == postmaster)
            {
                ticks += child.Own;
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private sealed record ProcessTimes(int Parent, long Own, long Reaped);

    /// <summary>Fields 4 (parent), 14-15 (user, system) and 16-17 (reaped children's) of /proc/PID/stat, after the command name.</summary>
    private static ProcessTimes? Stat(int pid)
    {
        try
        {
            var line = File.ReadAllText($"/proc/{pid}/stat");
            var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return new ProcessTimes((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
