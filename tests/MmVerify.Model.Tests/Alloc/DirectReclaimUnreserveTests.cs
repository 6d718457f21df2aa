using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>__alloc_pages_direct_reclaim(), mm/page_alloc.c: after progress and a failed retry, unreserve_highatomic_pageblock(ac, false) and retry once more.</summary>
public class DirectReclaimUnreserveTests
{
    [Fact]
    public void A_failed_retry_after_progress_gives_back_a_spare_highatomic_pageblock_and_succeeds_in_the_same_round()
    {
        // 12 free pages, all in three reserved HIGHATOMIC pageblocks (nr_reserved_highatomic 12), plus 30 clean
        // and 100 dirty file pages. GFP_KERNEL | __GFP_RETRY_MAYFAIL order 0 (unmovable, no ALLOC_HIGHATOMIC):
        // __zone_watermark_ok does not count free highatomic pages. Direct reclaim frees the 30 clean pages
        // (progress); the retry sees 42 - 12 = 30 <= min 32 and fails. unreserve_highatomic_pageblock(ac, false)
        // may give one block back as more than one pageblock is reserved (12 > 4): the lowest-order free
        // HIGHATOMIC block is a 4-page one -> reserved 8, free highatomic 8; usable 42 - 8 = 34 > 32: the retry
        // succeeds within the first reclaim round, one allocation stall.
        // (Without that unreserve the retry fails, should_reclaim_retry sees the dirty pages as reclaimable
        // (100 + 42 - 12 > 32) and the slow path reclaims again and again.)
        var (world, task, zone, taken) = HighatomicWorlds.ThreeFreeHighatomicBlocks();
        foreach (var page in taken.Skip(100).Take(30))
        {
            FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, LruList.InactiveFile, task, LruFlags.None);
        }

        foreach (var page in taken.Skip(200).Take(100))
        {
            FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, LruList.InactiveFile, task, LruFlags.Dirty);
        }

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel | GfpFlags.RetryMayFail, 0, PageOwner.Unmovable));

        Assert.True(outcome.Succeeded);
        Assert.Equal(1, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(8, zone.NrReservedHighatomic);
        Assert.Equal(8, zone.NrFreeHighatomic);
        Assert.Equal(41, zone.NrFreePages);
        Assert.Equal(100, world.Lru[0].NodeSize(LruList.InactiveFile));
    }
}
