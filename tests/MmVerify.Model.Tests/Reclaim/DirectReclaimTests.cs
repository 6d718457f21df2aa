using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>try_to_free_pages / do_try_to_free_pages: priorities 12 down to 0 until nr_to_reclaim (32) pages are back.</summary>
public class DirectReclaimTests
{
    private static void AddFile(World world, int count, int task = 0)
    {
        for (var i = 0; i < count; i++)
        {
            Folios.Add(world, LruList.InactiveFile, task: task);
        }
    }

    [Fact]
    public void Priorities_drop_until_the_reclaimed_pages_reach_32()
    {
        // 100 file pages, order 0: priorities 12..7 scan 100 >> p = 0; 6: 1 (99 left); 5: 99 >> 5 = 3
        // (4 in all); 4: 96 >> 4 = 6 (10); 3: 90 >> 3 = 11 (21); 2: 79 >> 2 = 19 (40 >= 32): stop.
        var world = Worlds.OneZone("linux-7.2");
        AddFile(world, 100);

        var reclaimed = DirectReclaimer.TryToFreePages(world, world.Tasks[0], Gfp.Gfp.Kernel, 0, out var cost);

        Assert.Equal(40, reclaimed);
        Assert.Equal(60, world.Lru[0].NodeSize(LruList.InactiveFile));
        Assert.Equal(1, world.Vm[VmEvent.AllocstallNormal]);
        var c = world.Costs;
        Assert.Equal((11 * c.ShrinkNodeCall) + (40 * (c.ScanPage + c.ReclaimPage)), cost); // priorities 12..2
    }

    [Fact]
    public void With_nothing_to_reclaim_all_thirteen_priorities_run_and_zero_is_returned()
    {
        var trace = new TraceBuffer();
        var world = Worlds.OneZone("linux-7.2", trace: trace);

        var reclaimed = DirectReclaimer.TryToFreePages(world, world.Tasks[0], Gfp.Gfp.Kernel, 0, out var cost);

        Assert.Equal(0, reclaimed);
        Assert.Equal(13 * world.Costs.ShrinkNodeCall, cost);
        Assert.Equal(["mm_vmscan_direct_reclaim_begin", "mm_vmscan_direct_reclaim_end"], trace.Events.Select(e => e.Name));
    }

    [Fact]
    public void A_costly_order_with_a_zone_ready_for_compaction_skips_reclaim_and_reports_progress()
    {
        // compaction_ready: a mostly free zone is OK at min for order 4, so shrink_zones skips it,
        // sets compaction_ready, and do_try_to_free_pages returns 1 with nothing reclaimed.
        var trace = new TraceBuffer();
        var world = Worlds.OneZone("linux-7.2", trace: trace);
        AddFile(world, 100);

        var reclaimed = DirectReclaimer.TryToFreePages(world, world.Tasks[0], Gfp.Gfp.Kernel, 4, out var cost);

        Assert.Equal(1, reclaimed);
        Assert.Equal(0, cost);
        Assert.Equal(100, world.Lru[0].NodeSize(LruList.InactiveFile));
        var end = Assert.IsType<DirectReclaimEndEvent>(trace.Events[^1]);
        Assert.Equal(0, end.NrReclaimed);
        var begin = Assert.IsType<DirectReclaimBeginEvent>(trace.Events[0]);
        Assert.Equal(4, begin.Order);
        Assert.Null(begin.Memcg);
    }

    [Fact]
    public void The_costly_order_threshold_is_exclusive_order_3_reclaims()
    {
        // Order 3 is PAGE_ALLOC_COSTLY_ORDER itself: no compaction_ready shortcut, zero reclaimable -> 0.
        var world = Worlds.OneZone("linux-7.2");

        var reclaimed = DirectReclaimer.TryToFreePages(world, world.Tasks[0], Gfp.Gfp.Kernel, 3, out var cost);

        Assert.Equal(0, reclaimed);
        Assert.Equal(13 * world.Costs.ShrinkNodeCall, cost);
    }

    [Fact]
    public void A_costly_order_on_a_starved_zone_is_not_compaction_ready_and_reclaims()
    {
        // 100 free: neither OK at min nor suitable for compaction at the high watermark.
        var world = Worlds.OneZone("linux-7.2");
        Worlds.FillTo(world, 100, LruList.InactiveFile, PageOwner.LruFile);

        var reclaimed = DirectReclaimer.TryToFreePages(world, world.Tasks[0], Gfp.Gfp.Kernel, 4, out _);

        Assert.True(reclaimed >= ScanControl.SwapClusterMax);
    }

    [Theory]
    [InlineData(10, 40)] // nr_to_reclaim = max(10, 32) = 32: as for try_to_free_pages, 40 by priority 2
    [InlineData(50, 70)] // nr_to_reclaim 50: priority 1 adds 60 >> 1 = 30: 70
    public void Memcg_reclaim_targets_at_least_32_pages_of_its_own_memcg(long nrPages, long expected)
    {
        var trace = new TraceBuffer();
        var world = TwoMemcgs.Create();
        world.Trace = trace;
        AddFile(world, 100, task: 1);
        AddFile(world, 100, task: 0);

        var reclaimed = DirectReclaimer.TryToFreeMemCgroupPages(world, world.Tasks[1], 1, nrPages, out _);

        Assert.Equal(expected, reclaimed);
        Assert.Equal(100, world.Lru[0].Lruvec(0).Size(LruList.InactiveFile));
        Assert.Equal(0, world.Vm[VmEvent.AllocstallNormal]); // cgroup reclaim does not count allocstall
        Assert.Equal(expected, world.Vm[VmEvent.PgstealDirect]);
        Assert.Equal(["mm_vmscan_memcg_reclaim_begin", "mm_vmscan_memcg_reclaim_end"], trace.Events.Select(e => e.Name));
        var end = Assert.IsType<DirectReclaimEndEvent>(trace.Events[1]);
        Assert.Equal(expected, end.NrReclaimed);
        Assert.Equal(1, end.Memcg);
    }
}
