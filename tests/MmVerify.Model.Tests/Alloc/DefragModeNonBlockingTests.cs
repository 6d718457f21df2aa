using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.Alloc;

// checks __alloc_pages_slowpath(), mm/page_alloc.c: the no-direct-reclaim exit under defrag_mode (KERNEL.md 4.4 step 4)
/// <summary>
/// defrag_mode makes ALLOC_NOFRAGMENT a hard rule, but a request that cannot reclaim and has
/// __GFP_KSWAPD_RECLAIM drops it once before giving up. One NORMAL zone of 256 pages, min 32; an
/// unmovable order-0 request. "Fragmented" (free -1 below) leaves 128 order-0 movable free pages: plenty
/// of memory, but only a fallback below pageblock_order, which NOFRAGMENT forbids.
/// </summary>
public class DefragModeNonBlockingTests
{
    [Theory]
    // GFP_NOWAIT: fails with NOFRAGMENT, has KSWAPD_RECLAIM: NOFRAGMENT is cleared and the retry fragments.
    [InlineData(0x2800u, -1, true)]
    // __GFP_HIGH alone (no KSWAPD_RECLAIM): NOFRAGMENT stays, so after the reserve retry -> nopage.
    [InlineData(0x20u, -1, false)]
    // GFP_NOWAIT with 10 free pages (below min): NOFRAGMENT is dropped once, the retry fails too -> nopage, no livelock.
    [InlineData(0x2800u, 10, false)]
    public void A_non_blocking_request_drops_NOFRAGMENT_only_with_KSWAPD_RECLAIM_and_only_once(uint gfp, long free, bool served)
    {
        var (world, task) = AllocWorlds.Build(1, [ZoneKind.Normal], defragMode: true);
        var zone = world.ZonesOf(0)[0];
        if (free < 0)
        {
            AllocWorlds.Fragment(zone, MigrateType.Movable);
        }
        else
        {
            AllocWorlds.TakeAll(zone, MigrateType.Movable, free);
        }

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, (Gfp.GfpFlags)gfp, 0, PageOwner.Unmovable));

        // Either way the slow path was entered: 250 + 1000 ns; nothing reclaimed or compacted (no direct reclaim).
        var expected = served ? new AllocOutcome(0, 0, outcome.Page, 1250, false) : new AllocOutcome(-1, -1, -1, 1250, false);
        Assert.Equal(expected, outcome);
        Assert.Equal(served, outcome.Succeeded);
        Assert.False(task.Stalled);
    }
}
