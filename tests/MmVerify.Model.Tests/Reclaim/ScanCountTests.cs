using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>get_scan_count: each list's target is size >> priority, split anon/file by swappiness.</summary>
public class ScanCountTests
{
    private static void AddMany(World world, LruList list, int count, LruFlags flags = LruFlags.None)
    {
        for (var i = 0; i < count; i++)
        {
            Folios.Add(world, list, flags);
        }
    }

    [Fact]
    public void The_scan_target_is_the_list_size_shifted_right_by_the_priority()
    {
        // 8192 >> 12 = 2 pages at the default priority; no swap: SCAN_FILE.
        var world = Worlds.OneZone("linux-7.2");
        AddMany(world, LruList.InactiveFile, 8192);
        var sc = Folios.Direct(priority: ScanControl.DefPriority);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(2, sc.NrScanned);
        Assert.Equal(2, sc.NrReclaimed);
    }

    [Fact]
    public void With_swap_anon_gets_swappiness_and_file_200_minus_swappiness_out_of_200()
    {
        // SCAN_FRACT with equal costs: anon (400 >> 1) * 60 / 200 = 60, file (400 >> 1) * 140 / 200 = 140.
        var world = Worlds.OneZone("linux-7.2", swapPages: 10_000);
        AddMany(world, LruList.InactiveAnon, 400);
        AddMany(world, LruList.InactiveFile, 400);
        var sc = Folios.Kswapd(priority: 1, nrToReclaim: 1000);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(60, world.Vm[VmEvent.PgstealAnon]);
        Assert.Equal(140, world.Vm[VmEvent.PgstealFile]);
        Assert.Equal(200, sc.NrReclaimed);
        Assert.Equal(60, world.Swap.UsedPages);
    }

    [Fact]
    public void At_priority_0_with_swap_both_anon_and_file_are_scanned_in_full()
    {
        // get_scan_count: at priority 0 (and swap available) SCAN_EQUAL, the whole of every list.
        var world = Worlds.OneZone("linux-7.2", swapPages: 10_000);
        AddMany(world, LruList.InactiveAnon, 40);
        AddMany(world, LruList.InactiveFile, 40);
        var sc = Folios.Kswapd(priority: 0, nrToReclaim: 1000);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(40, world.Vm[VmEvent.PgstealAnon]);
        Assert.Equal(40, world.Vm[VmEvent.PgstealFile]);
    }

    [Fact]
    public void Scanning_stops_after_the_batch_that_reaches_nr_to_reclaim()
    {
        // 100 file pages at priority 0, SWAP_CLUSTER_MAX batches: 32 reach nr_to_reclaim = 32.
        var world = Worlds.OneZone("linux-7.2");
        AddMany(world, LruList.InactiveFile, 100);
        var sc = Folios.Kswapd(priority: 0);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(32, sc.NrReclaimed);
        Assert.Equal(68, world.Lru[0].NodeSize(LruList.InactiveFile));
    }

    [Fact]
    public void Without_a_reclaim_target_every_batch_runs_until_the_lists_are_scanned()
    {
        var world = Worlds.OneZone("linux-7.2");
        AddMany(world, LruList.InactiveFile, 100);
        var sc = Folios.Kswapd(priority: 0, nrToReclaim: 1000);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(100, sc.NrReclaimed);
        Assert.Equal(0, world.Lru[0].NodeSize(LruList.InactiveFile));
    }

    [Fact]
    public void When_file_cache_and_free_pages_cannot_reach_the_high_watermark_only_anon_is_scanned()
    {
        // file_is_tiny: file + free <= sum of high watermarks, with inactive anon present -> SCAN_ANON.
        // Equality counts: free = high - 10 plus 10 file pages is exactly high.
        var world = Worlds.OneZone("linux-7.2", swapPages: 100_000);
        world.Sysctls.PerCpuPages = false; // one page from the buddy per fault, so free counts exactly
        var zone = Worlds.Zone(world);
        Worlds.FillTo(world, zone.HighWmarkPages, LruList.InactiveAnon, PageOwner.LruAnon);
        Assert.Equal(zone.HighWmarkPages, zone.NrFreePages);
        AddMany(world, LruList.InactiveFile, 10);
        var anon = world.Lru[0].NodeSize(LruList.InactiveAnon);
        var sc = Folios.Kswapd(priority: 6, nrToReclaim: 100_000);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(0, world.Vm[VmEvent.PgscanFile]);
        Assert.Equal(anon >> 6, world.Vm[VmEvent.PgstealAnon]);
    }

    [Fact]
    public void One_page_more_than_the_high_watermark_is_not_tiny_and_keeps_the_swappiness_split()
    {
        var world = Worlds.OneZone("linux-7.2", swapPages: 100_000);
        world.Sysctls.PerCpuPages = false;
        var zone = Worlds.Zone(world);
        Worlds.FillTo(world, zone.HighWmarkPages + 1, LruList.InactiveAnon, PageOwner.LruAnon);
        Assert.Equal(zone.HighWmarkPages + 1, zone.NrFreePages);
        AddMany(world, LruList.InactiveFile, 10); // file + free = high + 1
        var anon = world.Lru[0].NodeSize(LruList.InactiveAnon);
        var sc = Folios.Kswapd(priority: 2, nrToReclaim: 100_000);

        Vmscan.ShrinkNode(world, 0, sc);

        // file (10 >> 2) * 140 / 200 = 1; anon (anon >> 2) * 60 / 200
        Assert.Equal(1, world.Vm[VmEvent.PgstealFile]);
        Assert.Equal((anon >> 2) * 60 / 200, world.Vm[VmEvent.PgstealAnon]);
    }

    [Fact]
    public void Without_inactive_anon_a_small_file_cache_is_not_tiny()
    {
        // file_is_tiny needs inactive anon to scan instead: only active anon here, so the file list
        // keeps its share: (10 >> 1) * 140 / 200 = 3.
        var world = Worlds.OneZone("linux-7.2", swapPages: 100_000);
        var zone = Worlds.Zone(world);
        Worlds.FillTo(world, zone.HighWmarkPages - 20, LruList.ActiveAnon, PageOwner.LruAnon);
        AddMany(world, LruList.InactiveFile, 10);
        var sc = Folios.Kswapd(priority: 1, nrToReclaim: 100_000);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(3, world.Vm[VmEvent.PgstealFile]);
    }

    [Fact]
    public void The_active_file_list_is_aged_only_when_the_inactive_file_list_is_low()
    {
        // Direct reclaim: four dirty inactive file folios rotate (not freed), two active stay: 4 >= 2, not low.
        var world = Worlds.OneZone("linux-7.2");
        AddMany(world, LruList.InactiveFile, 4, LruFlags.Dirty);
        AddMany(world, LruList.ActiveFile, 2, LruFlags.Referenced);

        Vmscan.ShrinkNode(world, 0, Folios.Direct(priority: 0));

        Assert.Equal(2, world.Lru[0].NodeSize(LruList.ActiveFile));
        Assert.Equal(0, world.Vm[VmEvent.Pgdeactivate]);
    }

    [Fact]
    public void A_low_inactive_file_list_is_refilled_from_the_tail_of_the_active_list()
    {
        // Two clean inactive folios are freed first (list order 0..3: inactive file before active file),
        // then inactive 0 < active 4: shrink_active_list deactivates the 4 scanned, references dropped.
        var world = Worlds.OneZone("linux-7.2");
        AddMany(world, LruList.InactiveFile, 2);
        AddMany(world, LruList.ActiveFile, 4, LruFlags.Referenced);
        var sc = Folios.Kswapd(priority: 0);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(0, world.Lru[0].NodeSize(LruList.ActiveFile));
        Assert.Equal(4, world.Lru[0].NodeSize(LruList.InactiveFile));
        Assert.Equal(4, world.Vm[VmEvent.Pgdeactivate]);
        var tail = world.Lru[0].TailOf(0, LruList.InactiveFile);
        Assert.NotNull(tail);
        Assert.Equal(LruFlags.None, world.Lru[0].FlagsOf(tail.Value));
        var c = world.Costs;
        Assert.Equal(c.ShrinkNodeCall + (2 * c.ScanPage) + (2 * c.ReclaimPage) + (4 * c.ScanPage / 4), sc.CostNs);
    }
}
