using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
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
}
