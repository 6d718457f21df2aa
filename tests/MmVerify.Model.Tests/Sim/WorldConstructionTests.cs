using MmVerify.Model.Buddy;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.SimTests;

// checks World's constructor: memcg 0 is root_mem_cgroup (mm/memcontrol.c) and kswapd starts runnable (kswapd_run())
public class WorldConstructionTests
{
    // Two facts, not a theory over Memcg[]: xUnit cannot serialize that data, so it ran both rows as one test
    // case with two results, and Stryker's coverage capture saw what the second row covered as covered
    // outside any test (mutation/README.md, "Speed").
    [Fact]
    public void An_empty_memcg_list_is_rejected() => AssertRejected([]);

    [Fact]
    public void A_memcg_list_that_does_not_start_with_the_root_is_rejected() => AssertRejected([new Memcg(1, "/a", 100)]);

    private static void AssertRejected(Memcg[] memcgs)
    {
        var machine = Toy.Machine(256, new BuddyGeometry(4, 2));

        var e = Assert.Throws<ArgumentException>(() => new World(machine, VariantCatalog.Resolve("linux-7.2"), memcgs));
        Assert.Equal("memcgs", e.ParamName);
    }

    [Fact]
    public void Without_a_memcg_list_the_world_has_only_the_root()
    {
        var world = new World(Toy.Machine(256, new BuddyGeometry(4, 2)), VariantCatalog.Resolve("linux-7.2"));

        var root = Assert.Single(world.Memcgs);
        Assert.Equal(0, root.Id);
        Assert.Equal(long.MaxValue, root.HighPages);
        // kswapd_run() starts the thread at boot: it runs at once (and then goes to sleep); kcompactd sleeps.
        Assert.Equal(0, world.Reclaim[0].KswapdNextRunNs);
        Assert.Equal(long.MaxValue, world.Reclaim[0].KcompactdNextRunNs);
    }
}
