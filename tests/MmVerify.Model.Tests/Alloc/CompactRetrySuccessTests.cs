using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>should_compact_retry(), mm/page_alloc.c: COMPACT_SUCCESS retries up to MAX_COMPACT_RETRIES, a quarter of it for costly orders.</summary>
public class CompactRetrySuccessTests
{
    /// <summary>
    /// One NORMAL zone of 256 pages, 128 of them CMA (MAX_PAGE_ORDER 4, pageblock_order 2; min 32, low 40,
    /// high 48). All 128 CMA pages are free; of the non-CMA pages only one aligned order-4 block (16 pages)
    /// is free, the rest taken by the kernel; nothing is on the LRU.
    /// </summary>
    private static (World World, TaskState Task, Zone Zone) CmaRichWorld()
    {
        var (world, task) = Toy.World(256, new BuddyGeometry(4, 2), cmaPages: 128);
        var zone = world.ZonesOf(0)[0];
        CmaWorlds.OneFreeNonCmaBlock(zone, 4);

        Assert.Equal(144, zone.NrFreePages);
        Assert.Equal(128, zone.NrFreeCmaPages);
        Assert.Equal(1, zone.NrFree(4) - (zone.NrFreeCmaPages / 16));
        return (world, task, zone);
    }

    [Fact]
    public void A_costly_request_whose_compaction_succeeds_but_whose_allocation_fails_retries_compaction_four_times()
    {
        // GFP_KERNEL | __GFP_RETRY_MAYFAIL, order 4 (costly), unmovable: no ALLOC_CMA, so the watermark sees
        // 144 - 128 = 16 free pages: (16 - (2^4 - 1)) = 1 <= min 32, the freelists always fail.
        //  1. compact first, ASYNC: a costly async compaction without ALLOC_CMA needs 16 > min + compact_gap 32
        //     outside CMA -> COMPACT_SKIPPED, no stall; priority -> SYNC_LIGHT.
        //  2. each later round: direct reclaim at a costly order: compaction_ready() (144 free counting CMA >
        //     high 48 + gap 32 + (low - min) 8, fragindex -1000: an order-4 block exists) -> reclaims nothing
        //     but reports progress 1; compaction at SYNC_LIGHT runs (suitable with CMA counted) and
        //     __compact_finished sees the free order-4 block -> COMPACT_SUCCESS; COMPACTSTALL, the freelist
        //     retry fails (watermark) -> COMPACTFAIL. should_reclaim_retry: 0 reclaimable + 16 usable -> no.
        //     should_compact_retry(SUCCESS): ++retries <= MAX_COMPACT_RETRIES / 4 = 4 for order > 3.
        // Retries 1..4 are granted after rounds 2..5, the 5th is refused after round 6: 5 compaction stalls,
        // 5 reclaim stalls; costly orders never OOM-kill -> nopage.
        var (world, task, zone) = CmaRichWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel | GfpFlags.RetryMayFail, 4, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.Equal(5, world.Vm[VmEvent.CompactStall]);
        Assert.Equal(5, world.Vm[VmEvent.CompactFail]);
        Assert.Equal(0, world.Vm[VmEvent.CompactSuccess]);
        Assert.Equal(5, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(1, world.Vm[VmEvent.AllocFailure]);
        Assert.Equal(144, zone.NrFreePages);
    }
}
