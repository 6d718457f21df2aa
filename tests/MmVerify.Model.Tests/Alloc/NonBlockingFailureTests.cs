using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Alloc;

// checks __alloc_pages_slowpath() and wake_all_kswapds(), mm/page_alloc.c, for a request that may not reclaim
/// <summary>
/// One node whose DMA32 zone (index 0) holds all 256 managed pages and whose NORMAL zone (index 1) is
/// unpopulated. min_free_kbytes 128 = 32 pages, all on DMA32, so its min watermark is 32.
/// </summary>
public class NonBlockingFailureTests
{
    private static (World World, TaskState Task, TraceBuffer Trace) LowDma32World(long free)
    {
        var trace = new TraceBuffer();
        var (world, task) = AllocWorlds.Build(1, [ZoneKind.Dma32, ZoneKind.Normal], emptyZones: [1], trace: trace);
        AllocWorlds.TakeAll(world.ZonesOf(0)[0], MigrateType.Unmovable, free);
        return (world, task, trace);
    }

    [Fact]
    public void GFP_NOWAIT_below_min_fails_at_the_cost_of_the_fast_and_slow_path_entries()
    {
        // GFP_NOWAIT order 0 with 14 free pages: the fast path (LOW) and the slow path (MIN 32, no reduction
        // without __GFP_HIGH) both fail; no direct reclaim -> nopage. Nothing was allocated, so node and
        // zone are -1, and the cost is AllocFastPath 250 + AllocSlowPathEntry 1000 (no reclaim, no compaction).
        var (world, task, _) = LowDma32World(14);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.NoWait, 0, PageOwner.Unmovable));

        Assert.Equal(new AllocOutcome(-1, -1, -1, 1250, false), outcome);
        Assert.Equal(1, world.Vm[VmEvent.AllocFailure]);
        Assert.Equal(14, world.ZonesOf(0)[0].NrFreePages);
    }

    [Fact]
    public void Kswapd_is_woken_at_the_first_populated_zone_below_an_unpopulated_preferred_zone()
    {
        // wake_all_kswapds walks the zonelist, which holds only populated zones: GFP_NOWAIT prefers NORMAL
        // (index 1, empty), so DMA32 (index 0) is the node's first zone and wakeup_kswapd records
        // kswapd_highest_zoneidx = ac->highest_zoneidx = 1 and order 0.
        // get_page_from_freelist never visits the empty NORMAL zone either, so it is never marked ZONE_BELOW_HIGH,
        // while DMA32, below its high watermark, is.
        var (world, task, _) = LowDma32World(14);

        PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.NoWait, 0, PageOwner.Unmovable));

        Assert.Equal(1, world.Reclaim[0].KswapdHighestZoneidx);
        Assert.Equal(0, world.Reclaim[0].KswapdOrder);
        Assert.Equal(ZoneFlags.None, world.ZonesOf(0)[1].Flags);
        Assert.Equal(ZoneFlags.BelowHigh, world.ZonesOf(0)[0].Flags);
    }

    [Theory]
    // The GFP_ATOMIC threshold is min reduced for __GFP_HIGH (32 - 16 = 16) and non-blocking (16 - 4 = 12):
    // 12 free pages are not above it, 13 are.
    [InlineData(12, false)]
    [InlineData(13, true)]
    public void The_failure_report_says_whether_free_memory_was_above_the_atomic_reserve(long free, bool aboveAtomic)
    {
        var (world, task, trace) = LowDma32World(free);

        PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.NoWait, 0, PageOwner.Unmovable));

        // Not admitted: free is below GFP_NOWAIT's own MIN check (32).
        var fail = Assert.Single(trace.Events.OfType<PageAllocFailEvent>());
        Assert.Equal(new PageAllocFailEvent(0, "test", 1000, 0, Gfp.Gfp.NoWait, (int)MigrateType.Unmovable, false, aboveAtomic, false), fail);
    }
}
