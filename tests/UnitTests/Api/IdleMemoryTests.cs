using Kinerja.Api.Hosting;

namespace Kinerja.UnitTests.Api;

public class IdleMemoryTests
{
    private const long MiB = 1L << 20;

    [Fact]
    public void An_idle_period_releases_the_budget_a_catch_up_left_committed_whatever_the_last_collection_counted_as_heap()
    {
        // After a catch-up the GC held 111 MiB committed; the first release leaves about 12 (docs/decisions/172).
        IdleMemory.ShouldRelease(allocatedInPeriod: 1 * MiB, committed: 111 * MiB, committedAfterLastRelease: 0).Should().BeTrue();
    }

    [Fact]
    public void A_busy_period_never_releases()
    {
        IdleMemory.ShouldRelease(allocatedInPeriod: 8 * MiB, committed: 400 * MiB, committedAfterLastRelease: 12 * MiB).Should().BeFalse();
    }

    [Fact]
    public void After_a_release_the_next_idle_periods_do_not_collect_again_until_the_gc_has_committed_a_worthwhile_amount_more()
    {
        IdleMemory.ShouldRelease(allocatedInPeriod: 0, committed: 12 * MiB, committedAfterLastRelease: 12 * MiB).Should().BeFalse();
        IdleMemory.ShouldRelease(allocatedInPeriod: 0, committed: 44 * MiB, committedAfterLastRelease: 12 * MiB).Should().BeFalse();
        IdleMemory.ShouldRelease(allocatedInPeriod: 0, committed: 45 * MiB, committedAfterLastRelease: 12 * MiB).Should().BeTrue();
    }
}
