using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>
/// do_shrink_slab: scan (freeable >> priority) * 4 / DEFAULT_SEEKS (2) objects; referenced ones get
/// another round. (The kernel's batching and deferral of scans below batch_size are not modelled.)
/// </summary>
public class ShrinkSlabTests
{
    [Fact]
    public void Slab_scan_is_freeable_shifted_by_priority_times_four_over_the_seeks()
    {
        // 8 freeable at priority 2: (8 >> 2) * 4 / 2 = 4 scanned and freed, 4 left.
        var world = Worlds.OneZone("linux-7.2");
        for (var i = 0; i < 8; i++)
        {
            Folios.Add(world, LruList.Slab);
        }

        var sc = Folios.Kswapd(priority: 2);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(4, world.Vm[VmEvent.SlabsScanned]);
        Assert.Equal(4, world.Lru[0].NodeSize(LruList.Slab));
        Assert.Equal(4, sc.NrReclaimed);
        var c = world.Costs;
        Assert.Equal(c.ShrinkNodeCall + (4 * c.ScanPage), sc.CostNs);
    }

    [Fact]
    public void Referenced_slab_objects_are_rotated_with_their_reference_cleared()
    {
        // 2 freeable at priority 0: (2 >> 0) * 4 / 2 = 4 to scan: the referenced tail object is
        // rotated, the plain one freed, then the rotated one comes round again and is freed.
        var world = Worlds.OneZone("linux-7.2");
        var referenced = Folios.Add(world, LruList.Slab, LruFlags.Referenced);
        Folios.Add(world, LruList.Slab);
        var sc = Folios.Kswapd(priority: 0);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.False(world.Lru[0].OnLru(referenced));
        Assert.Equal(3, world.Vm[VmEvent.SlabsScanned]);
        Assert.Equal(2, sc.NrReclaimed);
    }

    [Fact]
    public void A_referenced_slab_object_survives_when_the_scan_ends_on_it()
    {
        // 1 freeable at priority 1: (1 >> 1) * 4 / 2 = 0: nothing scanned. At priority 0: 2 to scan,
        // the referenced object is rotated (1) and then freed (2).
        var world = Worlds.OneZone("linux-7.2");
        var referenced = Folios.Add(world, LruList.Slab, LruFlags.Referenced);

        Vmscan.ShrinkNode(world, 0, Folios.Kswapd(priority: 1));
        Assert.Equal(0, world.Vm[VmEvent.SlabsScanned]);
        Assert.Equal(LruFlags.Referenced, world.Lru[0].FlagsOf(referenced));

        Vmscan.ShrinkNode(world, 0, Folios.Kswapd(priority: 0));
        Assert.False(world.Lru[0].OnLru(referenced));
        Assert.Equal(2, world.Vm[VmEvent.SlabsScanned]);
    }

    [Fact]
    public void Every_memcg_slab_is_shrunk_in_global_reclaim()
    {
        var world = TwoMemcgs.Create();
        Folios.Add(world, LruList.Slab, task: 0);
        Folios.Add(world, LruList.Slab, task: 1);
        var sc = Folios.Kswapd(priority: 0);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(0, world.Lru[0].NodeSize(LruList.Slab));
        Assert.Equal(2, sc.NrReclaimed);
        Assert.Equal(0, world.Memcgs[1].UsagePages);
    }
}
