using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Topology;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>
/// should_continue_reclaim: shrink_node loops only in reclaim/compaction mode (order > 0 and either
/// costly or priority &lt; DEF_PRIORITY - 2), while passes reclaim something, no zone is OK at min or
/// suitable for compaction, and the inactive lists hold more than compact_gap(order) = 2 &lt;&lt; order.
/// </summary>
public class ShouldContinueReclaimTests
{
    /// <summary>A zone filled with clean inactive file pages down to 100 free: far below min.</summary>
    private static (World World, long Inactive) Starved()
    {
        var world = Worlds.OneZone("linux-7.2");
        Worlds.FillTo(world, 100, LruList.InactiveFile, PageOwner.LruFile);
        return (world, world.Lru[0].NodeSize(LruList.InactiveFile));
    }

    [Theory]
    [InlineData(3, 12)] // PAGE_ALLOC_COSTLY_ORDER is not costly, and priority 12 is not < 10
    [InlineData(3, 10)] // priority 10 is not < DEF_PRIORITY - 2
    [InlineData(0, 9)] // order 0 never continues
    public void Outside_reclaim_compaction_mode_shrink_node_makes_a_single_pass(int order, int priority)
    {
        var (world, inactive) = Starved();
        var sc = Folios.Direct(priority: priority, order: order);

        Vmscan.ShrinkNode(world, 0, sc);

        // One pass: inactive >> priority pages, all clean and freed.
        Assert.Equal(inactive >> priority, sc.NrReclaimed);
    }

    [Theory]
    [InlineData(4, 12)] // costly order
    [InlineData(3, 9)] // priority 9 < 10
    [InlineData(1, 9)]
    public void In_reclaim_compaction_mode_shrink_node_keeps_going_while_passes_make_progress(int order, int priority)
    {
        var (world, inactive) = Starved();
        var sc = Folios.Direct(priority: priority, order: order);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.True(sc.NrReclaimed > inactive >> priority, $"reclaimed {sc.NrReclaimed} in one pass of {inactive >> priority}");
    }

    [Fact]
    public void Reclaim_compaction_stops_once_the_inactive_lists_are_down_to_the_compaction_gap()
    {
        // 64 inactive file pages, 10 free (below min, never suitable for compaction), order 4
        // (compact_gap 2 << 4 = 32), priority 5: the first pass takes 64 >> 5 = 2, then one a pass
        // (62 ... 33 >> 5 = 1) until 32 remain: 32 > 32 is false, so it stops there.
        var world = Worlds.OneZone("linux-7.2");
        Folios.PinTo(world, 74);
        for (var i = 0; i < 64; i++)
        {
            Folios.Add(world, LruList.InactiveFile);
        }

        var sc = Folios.Direct(priority: 5, order: 4);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(32, world.Lru[0].NodeSize(LruList.InactiveFile));
        Assert.Equal(32, sc.NrReclaimed);
    }

    [Fact]
    public void Inactive_anon_does_not_count_towards_the_gap_when_anon_cannot_be_reclaimed()
    {
        // As above, plus 100 inactive anon pages and no swap: they are neither scanned nor counted,
        // so the file list still stops at 32.
        var world = Worlds.OneZone("linux-7.2");
        Folios.PinTo(world, 174);
        for (var i = 0; i < 100; i++)
        {
            Folios.Add(world, LruList.InactiveAnon);
        }

        for (var i = 0; i < 64; i++)
        {
            Folios.Add(world, LruList.InactiveFile);
        }

        var sc = Folios.Direct(priority: 5, order: 4);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(32, world.Lru[0].NodeSize(LruList.InactiveFile));
        Assert.Equal(100, world.Lru[0].NodeSize(LruList.InactiveAnon));
    }

    [Fact]
    public void Reclaimable_inactive_anon_counts_towards_the_gap()
    {
        // 40 inactive anon (swap has room) and 32 inactive file, 10 free: file + free is below the
        // high watermark, so file_is_tiny and only anon is scanned, (size >> 5) a pass at priority 5:
        // 40 -> 39 -> ... -> 31, one page a pass while 32 file + anon > 32; at 31 the target is 0,
        // the pass reclaims nothing, and reclaim stops. Were anon not counted, 32 file > 32 would
        // already be false after the first pass (anon 39).
        var world = Worlds.OneZone("linux-7.2", swapPages: 1000);
        Folios.PinTo(world, 82);
        for (var i = 0; i < 40; i++)
        {
            Folios.Add(world, LruList.InactiveAnon);
        }

        for (var i = 0; i < 32; i++)
        {
            Folios.Add(world, LruList.InactiveFile);
        }

        var sc = Folios.Direct(priority: 5, order: 4);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(31, world.Lru[0].NodeSize(LruList.InactiveAnon));
        Assert.Equal(32, world.Lru[0].NodeSize(LruList.InactiveFile));
        Assert.Equal(9, sc.NrReclaimed);
        Assert.Equal(9, world.Swap.UsedPages);
    }

    [Fact]
    public void Reclaim_compaction_stops_when_the_zone_is_already_ok_at_min_for_the_order()
    {
        // A mostly free zone has order-4 blocks above min: one pass (8192 >> 12 = 2 pages) and stop.
        var world = Worlds.OneZone("linux-7.2");
        for (var i = 0; i < 8192; i++)
        {
            Folios.Add(world, LruList.InactiveFile);
        }

        var sc = Folios.Direct(priority: 12, order: 4);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(2, sc.NrReclaimed);
    }

    [Fact]
    public void Zones_above_the_reclaim_index_do_not_end_reclaim_compaction()
    {
        // DMA32 starved (100 free, its pages on the inactive file list), Normal all free and OK at min for
        // order 1. Reclaim for zone 0 only (reclaim_idx 0): Normal is not looked at, so passes go on.
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Dma32, 0, 16384), ZoneSpec.Flat(ZoneKind.Normal, 16384, 16384)])]);
        var machine = Machine.Boot(spec, new VmSysctls { UserMinFreeKbytes = 4096 }, BuddyGeometry.X86_64);
        var world = new World(machine, VariantCatalog.Resolve("linux-7.2"));
        world.Tasks.Add(new TaskState(0, 1000, "filler", 0, 0));
        Worlds.FillTo(world, 100, LruList.InactiveFile, PageOwner.LruFile);
        var inactive = world.Lru[0].NodeSize(LruList.InactiveFile);
        var sc = Folios.Direct(priority: 9, order: 1);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.True(sc.NrReclaimed > inactive >> 9, $"reclaimed {sc.NrReclaimed} in one pass of {inactive >> 9}");
    }
}
