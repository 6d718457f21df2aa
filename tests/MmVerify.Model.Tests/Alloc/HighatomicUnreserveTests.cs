using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Tests.Alloc;

// checks the end of should_reclaim_retry(), mm/page_alloc.c: unreserve_highatomic_pageblock(ac, true) before giving up
public class HighatomicUnreserveTests
{
    [Fact]
    public void A_failing_retry_check_gives_back_the_last_highatomic_pageblock_and_retries_once_more()
    {
        // Only 2 free pages, both in the zone's single highatomic pageblock (ReserveOverrideTests). GFP_KERNEL |
        // __GFP_RETRY_MAYFAIL order 0: reclaim frees nothing (no LRU pages); should_reclaim_retry finds no zone
        // that could reach min (2 <= 32), so it returns unreserve_highatomic_pageblock(force=true): with force even
        // the last reserved block goes back (nr_reserved_highatomic 4 -> 0) and that counts as "retry".
        // The retry fails again and reclaims again; now nothing is left to unreserve -> RETRY_MAYFAIL: no OOM ->
        // nopage. Two direct reclaim stalls.
        var (world, task, zone) = ReserveOverrideTests.HighatomicOnlyWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel | GfpFlags.RetryMayFail, 0, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.Equal(2, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(0, zone.NrReservedHighatomic);
        Assert.Equal(0, zone.NrFreeHighatomic);
        Assert.Equal(2, zone.NrFreePages);
    }

    [Fact]
    public void Direct_reclaim_keeps_the_last_highatomic_pageblock()
    {
        // As above, but pages 0..4 become clean file pages: the first direct reclaim frees them (progress), the
        // retry still fails (7 <= 32), and __alloc_pages_direct_reclaim's unreserve_highatomic_pageblock(ac, false)
        // keeps the zone's only reserved block. should_reclaim_retry then says no and gives it back with force=true,
        // which means "retry": the second round reclaims nothing, nothing is left to unreserve -> nopage.
        var (world, task, zone) = ReserveOverrideTests.HighatomicOnlyWorld();
        for (var page = 0; page < 5; page++)
        {
            zone.FreePages(page, 0);
        }

        for (var i = 0; i < 5; i++)
        {
            var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruFile);
            FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, LruList.InactiveFile, task, LruFlags.None);
        }

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel | GfpFlags.RetryMayFail, 0, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.Equal(2, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(0, world.Lru[0].NodeSize(LruList.InactiveFile));
        Assert.Equal(0, zone.NrReservedHighatomic);
        Assert.Equal(7, zone.NrFreePages);
    }
}
