using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>should_compact_retry(), mm/page_alloc.c: COMPACT_SKIPPED asks compaction_zonelist_suitable (free + reclaimable / order).</summary>
public class CompactRetrySkippedTests
{
    /// <summary>
    /// One NORMAL zone of 256 pages (MAX_PAGE_ORDER 4, pageblock_order 2, min 32), nothing free. Of the even
    /// pages, the first clean ones are clean file pages, the next dirty ones dirty file pages (direct reclaim
    /// cannot write them back, but they count as reclaimable); every other page is held outside the LRU, so no
    /// freed page ever finds a free buddy: free memory stays order-0 only.
    /// </summary>
    private static (World World, TaskState Task) HeldWorld(int clean, int dirty)
    {
        var (world, task) = Toy.World(256, new BuddyGeometry(4, 2));
        var holder = new TaskState(1, 1001, "holder", 0, 0);
        world.Tasks.Add(holder);
        var even = 0;
        foreach (var page in AllocWorlds.TakeAll(world.ZonesOf(0)[0], MigrateType.Movable))
        {
            var folio = new FolioRef(0, page);
            if (page % 2 == 0 && even < clean + dirty)
            {
                FolioOps.AddToLru(world, 0, folio, 0, LruList.InactiveFile, task, even < clean ? LruFlags.None : LruFlags.Dirty);
                even++;
            }
            else
            {
                FolioOps.Hold(world, holder, 0, folio, 0, long.MaxValue);
            }
        }

        return (world, task);
    }

    [Theory]
    // Order 1, 10 clean + 10 dirty: round 1 reclaim frees the 10 clean pages (progress), the retry fails (no order-1
    // block), compaction is skipped (10 free <= min 32 + compact_gap 2<<1). should_reclaim_retry: no order-1 block
    // -> no. should_compact_retry(SKIPPED): 10 free + 10 reclaimable / 1 = 20 <= 32 + 4 -> not suitable -> no;
    // __GFP_RETRY_MAYFAIL never OOM-kills -> nopage after one reclaim stall. (A retry would give a second stall.)
    [InlineData(1, 10, 10)]
    // Order 2, 20 clean + 20 dirty: 20 free + 20 / 2 = 30 <= 32 + 2<<2 = 40 -> not suitable -> nopage.
    // (Multiplying instead: 20 + 20 * 2 = 60 > 40 would retry.)
    [InlineData(2, 20, 20)]
    public void Skipped_compaction_is_not_retried_when_no_zone_is_suitable_even_counting_reclaimable_pages(int order, int clean, int dirty)
    {
        var (world, task) = HeldWorld(clean, dirty);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.HighUserMovable | GfpFlags.RetryMayFail, order, PageOwner.LruAnon));

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.Equal(1, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(0, world.Vm[VmEvent.CompactStall]);
        Assert.Equal(clean, world.ZonesOf(0)[0].NrFreePages);
        Assert.Equal(1, world.Vm[VmEvent.AllocFailure]);
    }
}
