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
/// when there is a worthwhile amount to give back; under load the period's allocations keep it from running at all.
/// </summary>
internal sealed class IdleMemory(MemorySettings settings, ILogger<IdleMemory> log) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    /// <summary>Allocated in one period by the daemon's and Wolverine's polling alone, far less than one request a second allocates.</summary>
    private const long IdleAllocationBytes = 8L << 20;

    /// <summary>Committed beyond the heap's live size before a collection is worth its pause.</summary>
    private const long WorthReleasingBytes = 32L << 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.ReleaseWhenIdle)
        {
            return;
        }

        using var timer = new PeriodicTimer(Period);
        var allocated = GC.GetTotalAllocatedBytes();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var idle = GC.GetTotalAllocatedBytes() - allocated < IdleAllocationBytes;
            var memory = GC.GetGCMemoryInfo();
            if (idle && memory.TotalCommittedBytes - memory.HeapSizeBytes > WorthReleasingBytes)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                log.LogDebug("Idle: committed {Before} MiB of GC memory before an aggressive collection, {After} MiB after",
                    memory.TotalCommittedBytes >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20);
            }

            allocated = GC.GetTotalAllocatedBytes();
        }
    }
}
