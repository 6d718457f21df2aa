using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>shrink_node_memcgs: which lruvecs a shrink_node call scans, and when slab is shrunk.</summary>
public class MemcgWalkTests
{
    private static World WithTwoPagesEach(LruList list = LruList.InactiveFile)
    {
        var world = TwoMemcgs.Create();
        Folios.Add(world, list, task: 0);
        Folios.Add(world, list, task: 0);
        Folios.Add(world, list, task: 1);
        Folios.Add(world, list, task: 1);
        return world;
    }

    [Fact]
    public void Cgroup_reclaim_scans_only_the_target_memcg_and_no_slab()
    {
        var world = WithTwoPagesEach();
        Folios.Add(world, LruList.Slab, task: 0);
        var sc = new ScanControl { Reclaimer = Reclaimer.Memcg, Priority = 0, TargetMemcg = 1 };

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(2, world.Lru[0].Lruvec(0).Size(LruList.InactiveFile));
        Assert.Equal(0, world.Lru[0].Lruvec(1).Size(LruList.InactiveFile));
        Assert.Equal(1, world.Lru[0].NodeSize(LruList.Slab));
        Assert.Equal(2, sc.NrReclaimed);
        Assert.Equal(0, world.Vm[VmEvent.SlabsScanned]);
        Assert.Equal(3, world.Memcgs[0].UsagePages); // two file pages and the slab page
        Assert.Equal(0, world.Memcgs[1].UsagePages);
    }

    [Fact]
    public void Cgroup_reclaim_of_the_root_memcg_leaves_the_child_alone()
    {
        var world = WithTwoPagesEach();
        var sc = new ScanControl { Reclaimer = Reclaimer.Memcg, Priority = 0, TargetMemcg = 0 };

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(0, world.Lru[0].Lruvec(0).Size(LruList.InactiveFile));
        Assert.Equal(2, world.Lru[0].Lruvec(1).Size(LruList.InactiveFile));
    }

    [Fact]
    public void Direct_reclaim_stops_the_memcg_walk_once_it_has_reclaimed_enough()
    {
        var world = WithTwoPagesEach();
        var sc = Folios.Direct(priority: 0, nrToReclaim: 2);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(0, world.Lru[0].Lruvec(0).Size(LruList.InactiveFile));
        Assert.Equal(2, world.Lru[0].Lruvec(1).Size(LruList.InactiveFile));
        Assert.Equal(2, sc.NrReclaimed);
    }

    [Fact]
    public void Direct_reclaim_short_of_its_target_walks_on_to_the_next_memcg()
    {
        var world = WithTwoPagesEach();
        var sc = Folios.Direct(priority: 0, nrToReclaim: 3);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(0, world.Lru[0].NodeSize(LruList.InactiveFile));
        Assert.Equal(4, sc.NrReclaimed);
    }

    [Fact]
    public void Kswapd_walks_every_memcg_even_after_reaching_its_target()
    {
        var world = WithTwoPagesEach();
        var sc = Folios.Kswapd(priority: 0, nrToReclaim: 2);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(0, world.Lru[0].NodeSize(LruList.InactiveFile));
        Assert.Equal(4, sc.NrReclaimed);
    }
}
