using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>should_reclaim_retry(), mm/page_alloc.c: reclaim progress resets no_progress_loops for orders up to PAGE_ALLOC_COSTLY_ORDER.</summary>
public class SlowPathProgressLoopsTests
{
    /// <summary>
    /// One NORMAL zone of 65536 pages, min_free_kbytes 8192: min 2048. 40000 clean inactive file pages, 32 free
    /// pages as two order-4 blocks, everything else taken.
    /// </summary>
    private static (World World, TaskState Task, Zone Zone, TraceBuffer Trace) SlowReclaimWorld()
    {
        var trace = new TraceBuffer();
        var (world, task) = Toy.World(65536, new BuddyGeometry(4, 2), minFreeKbytes: 8192, trace: trace);
        var zone = world.ZonesOf(0)[0];
        var pages = AllocWorlds.TakeAll(zone, MigrateType.Movable);
        foreach (var page in pages.Take(40000))
        {
            FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, LruList.InactiveFile, task, LruFlags.None);
        }

        foreach (var page in pages.Skip(40016).Take(32))
        {
            zone.FreePages(page, 0);
        }

        Assert.Equal(2048, zone.MinWmarkPages);
        Assert.Equal(2, zone.NrFree(4));
        Assert.Equal(32, zone.NrFreePages);
        return (world, task, zone, trace);
    }

    [Theory]
    // Order 0, GFP_KERNEL: the freelist needs free > min 2048.
    [InlineData(0xcc0u, 0)]
    // Order 3 (PAGE_ALLOC_COSTLY_ORDER, not costly), GFP_NOIO: the freelist needs free - 7 > 2048 and an order-3
    // block (the order-4 blocks). Without __GFP_IO there is no compaction, so should_compact_retry is not asked.
    [InlineData(0xc00u, 3)]
    public void Every_round_with_progress_starts_the_retry_count_again(uint gfp, int order)
    {
        // Each reclaim round stops once 32 pages (SWAP_CLUSTER_MAX) are back at the end of a priority; with 40000
        // LRU pages priorities 12, 11, 10 scan at most 9 + 19 + 39 = 67 pages, so a round frees between 32 and 67
        // pages (all are clean, and the round ends by priority 10, before order-3 reclaim for compaction would
        // continue: in_reclaim_compaction needs priority < DEF_PRIORITY - 2). Reaching
        // about 2048 free from 32 thus takes between 2024 / 67 > 30 and 2024 / 32 < 64 rounds. Every round makes
        // progress, which resets no_progress_loops, and free + reclaimable (about 40000) stays above min, so
        // should_reclaim_retry keeps saying yes well past MAX_RECLAIM_RETRIES (16) rounds until the freelist
        // retry succeeds. (If progress were not counted, round 17 would be the last: __GFP_RETRY_MAYFAIL -> nopage.)
        var (world, task, zone, trace) = SlowReclaimWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, (GfpFlags)gfp | GfpFlags.RetryMayFail, order, PageOwner.Unmovable));

        Assert.True(outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        var rounds = world.Vm[VmEvent.AllocstallNormal];
        Assert.InRange(rounds, 31, 64);
        var reclaimed = trace.Events.OfType<DirectReclaimEndEvent>().Select(e => e.NrReclaimed).ToList();
        Assert.Equal(rounds, reclaimed.Count);
        Assert.All(reclaimed, n => Assert.InRange(n, 32, 67));
        Assert.Equal(0, world.Vm[VmEvent.CompactStall]);
        Assert.Equal(32 + reclaimed.Sum() - (1L << order), zone.NrFreePages);
    }
}
