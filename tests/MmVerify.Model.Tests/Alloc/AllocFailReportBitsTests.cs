using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>warn_alloc() / show_mem() after a failed __alloc_pages_slowpath(), mm/page_alloc.c: the report's admitted and above-atomic-reserve bits.</summary>
public class AllocFailReportBitsTests
{
    [Fact]
    public void Admitted_stays_set_when_two_zones_pass_the_watermark_check()
    {
        // defrag_mode, DMA32 and NORMAL of 256 pages, both fragmented: 128 free order-0 MOVABLE pages each.
        // __GFP_HIGH alone (no KSWAPD_RECLAIM, no direct reclaim), order 0, unmovable: ALLOC_NOFRAGMENT forbids
        // the fallback below pageblock_order in every zone, and without KSWAPD_RECLAIM it is never dropped ->
        // nopage. Yet each zone passes __zone_watermark_ok for the request: 128 free against min 16 (lowered
        // for __GFP_HIGH) plus lowmem_reserve (1 for DMA32): the report must say admitted.
        var trace = new TraceBuffer();
        var (world, task) = AllocWorlds.Build(1, [ZoneKind.Dma32, ZoneKind.Normal], trace: trace, defragMode: true);
        AllocWorlds.Fragment(world.ZonesOf(0)[0], MigrateType.Movable);
        AllocWorlds.Fragment(world.ZonesOf(0)[1], MigrateType.Movable);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, GfpFlags.High, 0, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        var fail = Assert.Single(trace.Events.OfType<PageAllocFailEvent>());
        Assert.True(fail.Admitted);
        Assert.True(fail.AboveAtomicReserve);
    }

    [Fact]
    public void Free_highatomic_pages_are_not_usable_memory()
    {
        // 1024-page zone, min 32: the GFP_ATOMIC threshold is 32 - 16 - 4 = 12. The only 12 free pages are
        // HIGHATOMIC: usable = 12 - 0 CMA - 12 highatomic = 0, not above 12. GFP_NOWAIT order 0 has no
        // ALLOC_HIGHATOMIC, so its watermark check does not count them either -> fails without reclaim.
        var (world, task, zone, _) = HighatomicWorlds.ThreeFreeHighatomicBlocks();
        var trace = new TraceBuffer();
        world.Trace = trace;

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.NoWait, 0, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        var fail = Assert.Single(trace.Events.OfType<PageAllocFailEvent>());
        Assert.False(fail.AboveAtomicReserve);
        Assert.False(fail.Admitted);
        Assert.Equal(12, zone.NrFreeHighatomic);
    }
}
