using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>should_reclaim_retry(), mm/page_alloc.c: a round with progress sets no_progress_loops back to 0 after rounds without.</summary>
public class SlowPathProgressResetTests
{
    [Fact]
    public void Progress_after_two_empty_rounds_grants_MAX_RECLAIM_RETRIES_fresh_rounds()
    {
        // Two nodes, one NORMAL zone of 256 pages each (min 16 each), nothing free. Node 0's LRU is one clean
        // file page, mapped and used twice (young PTE + PG_referenced); node 1's LRU is 100 dirty file pages.
        // GFP_KERNEL | __GFP_RETRY_MAYFAIL order 0 from node 0. Each round direct reclaim shrinks both nodes:
        //  round 1: node 0 reaches its one inactive page only at priority 0, and folio_check_references
        //           activates it; node 1's dirty pages are only rotated (direct reclaim writes no file page):
        //           no progress, no_progress_loops 1;
        //  round 2: node 0's inactive list is empty, so inactive_is_low and the page is deactivated, no
        //           progress: no_progress_loops 2;
        //  round 3: the now unreferenced clean page is reclaimed: progress, no_progress_loops back to 0; the retry
        //           still fails (1 free <= min 16);
        //  rounds 4-20: nothing left but dirty pages: no_progress_loops 1..17.
        // Until round 20 should_reclaim_retry finds node 1's zone able to reach min with its reclaimable pages
        // (100 > 16); in round 20 no_progress_loops exceeds MAX_RECLAIM_RETRIES (16). No highatomic block,
        // order 0 (no compaction retry), __GFP_RETRY_MAYFAIL (no OOM kill) -> nopage after 20 reclaim stalls.
        var trace = new TraceBuffer();
        var (world, task) = AllocWorlds.Build(2, [ZoneKind.Normal], trace: trace);
        var node0 = AllocWorlds.TakeAll(world.ZonesOf(0)[0], MigrateType.Movable);
        var node1 = AllocWorlds.TakeAll(world.ZonesOf(1)[0], MigrateType.Movable);
        FolioOps.AddToLru(world, 0, new FolioRef(0, node0[0]), 0, LruList.InactiveFile, task, LruFlags.Referenced);
        foreach (var page in node1.Take(100))
        {
            FolioOps.AddToLru(world, 1, new FolioRef(0, page), 0, LruList.InactiveFile, task, LruFlags.Dirty);
        }

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel | GfpFlags.RetryMayFail, 0, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        long[] expected = [0, 0, 1, .. Enumerable.Repeat(0L, 17)];
        Assert.Equal(expected, trace.Events.OfType<DirectReclaimEndEvent>().Select(e => e.NrReclaimed));
        Assert.Equal(20, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(1, world.ZonesOf(0)[0].NrFreePages);
        Assert.Equal(100, world.Lru[1].NodeSize(LruList.InactiveFile));
    }
}
