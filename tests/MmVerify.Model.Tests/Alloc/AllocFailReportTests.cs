using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Alloc;

// checks the memory report of warn_alloc() (show_mem) after a failed __alloc_pages_slowpath(), mm/page_alloc.c
/// <summary>
/// AboveAtomicReserve: did some zone hold more usable free memory (NR_FREE_PAGES minus free CMA and free
/// highatomic pages) than the GFP_ATOMIC threshold, the unboosted min lowered for __GFP_HIGH and
/// non-blocking (min - min/2, then minus a quarter of that), plus the zone's lowmem_reserve for the request?
/// Every request here is GFP_NOWAIT order 0 (unmovable), which fails below min and cannot reclaim.
/// </summary>
public class AllocFailReportTests
{
    private static PageAllocFailEvent FailNoWait(World world, TaskState task, TraceBuffer trace)
    {
        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.NoWait, 0, PageOwner.Unmovable));
        Assert.False(outcome.Succeeded);
        return Assert.Single(trace.Events.OfType<PageAllocFailEvent>());
    }

    [Theory]
    // DMA32 and NORMAL, 256 pages each: min 16 each, so the atomic threshold is 16 - 8 - 2 = 6; DMA32 adds its
    // lowmem_reserve[NORMAL] = 256 / 256 = 1 for this NORMAL request: 7.
    [InlineData(7, 0, false)]   // DMA32 7 is not above 6 + 1
    [InlineData(8, 0, true)]    // DMA32 8 is
    [InlineData(10, 10, true)]  // both zones above: still true (any zone is enough)
    [InlineData(0, 6, false)]   // NORMAL 6 is not above 6
    public void Any_zone_above_the_atomic_threshold_plus_its_lowmem_reserve_counts(long dma32Free, long normalFree, bool aboveAtomic)
    {
        var trace = new TraceBuffer();
        var (world, task) = AllocWorlds.Build(1, [ZoneKind.Dma32, ZoneKind.Normal], trace: trace);
        AllocWorlds.TakeAll(world.ZonesOf(0)[0], MigrateType.Movable, dma32Free);
        AllocWorlds.TakeAll(world.ZonesOf(0)[1], MigrateType.Movable, normalFree);

        var fail = FailNoWait(world, task, trace);

        Assert.Equal(aboveAtomic, fail.AboveAtomicReserve);
        Assert.False(fail.Admitted);
    }

    [Fact]
    public void Free_CMA_pages_are_not_usable_memory()
    {
        // One 256-page zone (min 32: threshold 32 - 16 - 4 = 12) with 20 free pages, all CMA: usable 20 - 20 = 0.
        var (world, task, _) = CmaWorlds.OnlyCmaFree(20);
        var trace = new TraceBuffer();
        world.Trace = trace;

        var fail = FailNoWait(world, task, trace);

        Assert.False(fail.AboveAtomicReserve);
    }
}
