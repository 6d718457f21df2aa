using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.Alloc;

// checks alloc_flags_nofragment() and get_page_from_freelist(), mm/page_alloc.c
/// <summary>
/// Which node and zone the fast path serves an unmovable order-0 request from. A zone marked
/// "fragmented" holds only order-0 movable free pages (AllocWorlds.Fragment), so serving an unmovable
/// page there means falling back into a movable pageblock below pageblock_order, which
/// ALLOC_NOFRAGMENT forbids; an untouched zone has whole free movable pageblocks that may be claimed
/// even under ALLOC_NOFRAGMENT. Every fast path success costs AllocFastPath (250 ns) and is not livelocked.
/// </summary>
public class FreelistZoneChoiceTests
{
    private const uint GfpKernel = 0xcc0;
    private const uint GfpKernelDma32 = 0xcc4;

    [Theory]
    // NORMAL preferred and DMA32 exists: ALLOC_NOFRAGMENT; NORMAL cannot serve without fragmenting, DMA32 claims a block.
    [InlineData(1, new[] { ZoneKind.Dma32, ZoneKind.Normal }, new[] { 1 }, GfpKernel, 0, 0)]
    // No DMA32 zone below NORMAL: no ALLOC_NOFRAGMENT, NORMAL fragments at once.
    [InlineData(1, new[] { ZoneKind.Dma, ZoneKind.Normal }, new[] { 1 }, GfpKernel, 0, 1)]
    // Preferred zone DMA32 (not NORMAL): no ALLOC_NOFRAGMENT, DMA32 fragments rather than falling to DMA.
    [InlineData(1, new[] { ZoneKind.Dma, ZoneKind.Dma32 }, new[] { 1 }, GfpKernelDma32, 0, 1)]
    // UMA, every zone fragmented: the NOFRAGMENT pass fails everywhere, is dropped, and the retry serves from NORMAL.
    [InlineData(1, new[] { ZoneKind.Dma32, ZoneKind.Normal }, new[] { 0, 1 }, GfpKernel, 0, 1)]
    // Two nodes, DMA32 populated: still ALLOC_NOFRAGMENT, served by the local DMA32.
    [InlineData(2, new[] { ZoneKind.Dma32, ZoneKind.Normal }, new[] { 1 }, GfpKernel, 0, 0)]
    // Two nodes, local zones all fragmented: reaching the remote node drops NOFRAGMENT and restarts the scan
    // ("locality is more important than fragmentation avoidance"): the local NORMAL fragments.
    [InlineData(2, new[] { ZoneKind.Dma32, ZoneKind.Normal }, new[] { 0, 1 }, GfpKernel, 0, 1)]
    public void An_unmovable_page_comes_from_the_zone_fragmentation_avoidance_prefers(int nodes, ZoneKind[] layout, int[] fragmented, uint gfp, int node, int zone)
    {
        var (world, task) = AllocWorlds.Build(nodes, layout);
        foreach (var z in fragmented)
        {
            AllocWorlds.Fragment(world.ZonesOf(0)[z], MigrateType.Movable);
        }

        // Remote kswapds sleep, so the 7.x busy-kswapd skip never hides a remote node.
        for (var nid = 1; nid < nodes; nid++)
        {
            world.Reclaim[nid].Phase = KswapdPhase.Sleeping;
        }

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, (Gfp.GfpFlags)gfp, 0, PageOwner.Unmovable));

        Assert.Equal(new AllocOutcome(node, zone, outcome.Page, 250, false), outcome);
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public void The_first_pass_skips_a_remote_node_whose_kswapd_is_running()
    {
        // 7.x get_page_from_freelist: on a multi-node system the first pass leaves nodes whose kswapd is not
        // waiting on kswapd_wait. Local node 0 is empty, node 1's kswapd is awake (Waking), node 2's sleeps:
        // the first pass skips node 1 and node 2 serves the page. (One NORMAL zone per node: no NOFRAGMENT.)
        var (world, task) = AllocWorlds.Build(3, [ZoneKind.Normal]);
        AllocWorlds.TakeAll(world.ZonesOf(0)[0], MigrateType.Movable);
        world.Reclaim[1].Phase = KswapdPhase.Waking;
        world.Reclaim[2].Phase = KswapdPhase.Sleeping;

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel, 0, PageOwner.Unmovable));

        Assert.Equal(new AllocOutcome(2, 0, outcome.Page, 250, false), outcome);
        Assert.Equal(AllocWorlds.ZonePages, world.ZonesOf(1)[0].NrFreePages);
    }

    [Fact]
    public void With_every_remote_kswapd_running_the_second_pass_takes_the_first_remote_node()
    {
        // All remote nodes skipped on the first pass: "retry including them", in zonelist order: node 1.
        var (world, task) = AllocWorlds.Build(3, [ZoneKind.Normal]);
        AllocWorlds.TakeAll(world.ZonesOf(0)[0], MigrateType.Movable);
        world.Reclaim[1].Phase = KswapdPhase.Waking;
        world.Reclaim[2].Phase = KswapdPhase.Waking;

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel, 0, PageOwner.Unmovable));

        Assert.Equal(new AllocOutcome(1, 0, outcome.Page, 250, false), outcome);
    }
}
