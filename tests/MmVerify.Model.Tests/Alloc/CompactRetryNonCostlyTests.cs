using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>should_compact_retry(), mm/page_alloc.c: a non-costly order gets the full MAX_COMPACT_RETRIES (16) COMPACT_SUCCESS retries.</summary>
public class CompactRetryNonCostlyTests
{
    /// <summary>
    /// Node 0: a DMA32 zone of 256 pages, 128 of them CMA, and a NORMAL zone of 2048 pages (MAX_PAGE_ORDER 4,
    /// pageblock_order 2). In DMA32 all CMA pages are free and of the rest only one aligned order-3 block;
    /// every NORMAL page is a slab page. A GFP_DMA32 request may only use DMA32, but direct reclaim's
    /// shrink_slab frees slab node-wide: progress every round, while DMA32 (the only eligible zone) gains
    /// neither free nor reclaimable pages (slab is not in zone_reclaimable_pages).
    /// </summary>
    private static (World World, TaskState Task, Zone Dma32) SlabInNormalWorld()
    {
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Dma32, 0, 256, cmaPages: 128), ZoneSpec.Flat(ZoneKind.Normal, 256, 2048)])]);
        var sysctls = new VmSysctls { UserMinFreeKbytes = 128, PerCpuPages = false };
        var world = new World(Machine.Boot(spec, sysctls, new BuddyGeometry(4, 2)), VariantCatalog.Resolve("linux-7.2"));
        var task = new TaskState(0, 1000, "test", 0, 0);
        world.Tasks.Add(task);
        var dma32 = world.ZonesOf(0)[0];
        CmaWorlds.OneFreeNonCmaBlock(dma32, 3);

        var normal = world.ZonesOf(0)[1];
        while (normal.NrFreePages > 0)
        {
            var slab = normal.Rmqueue(0, MigrateType.Unmovable, AllocFlags.None, PageOwner.Slab);
            FolioOps.AddToLru(world, 0, new FolioRef(1, slab), 0, LruList.Slab, task, LruFlags.None);
        }

        Assert.Equal(136, dma32.NrFreePages);
        Assert.Equal(128, dma32.NrFreeCmaPages);
        // Without ALLOC_CMA an order-3 request sees 8 - (2^3 - 1) = 1 free page: at or below min, always.
        Assert.True(1 <= dma32.MinWmarkPages);
        // Counting CMA (as __compaction_suitable does): 136 > min + compact_gap 2<<3, compaction is suitable.
        Assert.True(136 > dma32.MinWmarkPages + 16);
        return (world, task, dma32);
    }

    [Fact]
    public void An_order_3_request_whose_compaction_succeeds_but_whose_allocation_fails_retries_compaction_16_times()
    {
        // GFP_KERNEL | GFP_DMA32 | __GFP_RETRY_MAYFAIL, order 3 = PAGE_ALLOC_COSTLY_ORDER (not costly), unmovable:
        //  1. compact first (ASYNC): suitable; __compact_finished finds the free order-3 block -> COMPACT_SUCCESS;
        //     COMPACTSTALL, the freelist retry fails (watermark without CMA) -> COMPACTFAIL; -> SYNC_LIGHT.
        //  2. each later round: direct reclaim (ALLOCSTALL_DMA32) frees slab in NORMAL -> progress; the retry
        //     fails; compaction succeeds again and the allocation still fails (one more stall).
        //     should_reclaim_retry: 0 reclaimable + 1 usable in DMA32 -> no.
        //     should_compact_retry(SUCCESS): ++retries <= MAX_COMPACT_RETRIES = 16 (order 3 is not > 3).
        // Retries 1..16 are granted after rounds 2..17, the 17th is refused after round 18: 17 reclaim stalls,
        // 1 + 17 = 18 compaction stalls; __GFP_RETRY_MAYFAIL never OOM-kills -> nopage.
        var (world, task, dma32) = SlabInNormalWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel | GfpFlags.Dma32 | GfpFlags.RetryMayFail, 3, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.Equal(18, world.Vm[VmEvent.CompactStall]);
        Assert.Equal(18, world.Vm[VmEvent.CompactFail]);
        Assert.Equal(17, world.Vm[VmEvent.AllocstallDma32]);
        Assert.Equal(1, world.Vm[VmEvent.AllocFailure]);
        Assert.Equal(136, dma32.NrFreePages);
    }
}
