namespace Kinerja.Api.Hosting;

public sealed class MemorySettings
{
    public const string Section = "Kinerja:Memory";

    /// <summary>Give the garbage collector's unused budget back to the operating system when the service is idle.</summary>
    public bool ReleaseWhenIdle { get; set; } = true;
}

/// <summary>
/// Gives the garbage collector's unused budget back to the operating system once the service is idle (docs/decisions/156).
/// At rest on a caught-up city the heap holds about 26 MiB live in about 120 MiB committed: the GC keeps the allocation budget
/// it sized under the last load, and no ordinary collection decommits it. An aggressive collection does, and it is a blocking
/// compaction of the live heap (tens of milliseconds), so it runs only when the last period allocated almost nothing, and only
/// when the GC has committed a worthwhile amount more than it kept after the last such collection; under load the period's
/// allocations keep it from running at all.
/// </summary>
/// <remarks>
/// The amount is measured against what the last release left committed, not against the heap's size at the last collection:
/// that size counts the dead objects of the generations the last collection did not visit. After a catch-up whose last
/// collection was a young one, the old generation's garbage made the heap look nearly as large as the committed memory, no
/// release ran, and the process stayed at about 300 MiB at rest instead of about 230 (docs/decisions/172).
/// </remarks>
internal sealed class IdleMemory(MemorySettings settings, ILogger<IdleMemory> log) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    /// <summary>Allocated in one period by the daemon's and Wolverine's polling alone, far less than one request a second allocates.</summary>
    private const long IdleAllocationBytes = 8L << 20;

    /// <summary>Committed beyond what the last release left before another collection is worth its pause.</summary>
    private const long WorthReleasingBytes = 32L << 20;

    /// <summary>Whether an idle period should end with an aggressive collection.</summary>
    internal static bool ShouldRelease(long allocatedInPeriod, long committed, long committedAfterLastRelease) =>
        allocatedInPeriod < IdleAllocationBytes && committed - committedAfterLastRelease > WorthReleasingBytes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.ReleaseWhenIdle)
        {
            return;
        }

        using var timer = new PeriodicTimer(Period);
        var allocated = GC.GetTotalAllocatedBytes();
        var committedAfterLastRelease = 0L;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
            if (ShouldRelease(GC.GetTotalAllocatedBytes() - allocated, committed, committedAfterLastRelease))
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                committedAfterLastRelease = GC.GetGCMemoryInfo().TotalCommittedBytes;
                log.LogDebug("Idle: committed {Before} MiB of GC memory before an aggressive collection, {After} MiB after",
                    committed >> 20, committedAfterLastRelease >> 20);
            }

            allocated = GC.GetTotalAllocatedBytes();
        }
    }
}
