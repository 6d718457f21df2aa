using MmVerify.Model.Compaction;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Compaction;

// checks kcompactd_node_suitable() and kcompactd_do_work(), mm/compaction.c: only zones up to the
// requested highest_zoneidx are looked at, and a served request resets highest_zoneidx to nr_zones - 1
public class KcompactdZoneRangeTests
{
    /// <summary>DMA32 (zone 0) full, Normal (zone 1) with five free single pages: only zone 1 is worth compacting at order 1.</summary>
    private static World OnlyZone1Compactable()
    {
        var world = CompactionToy.TwoZones(32, 32);
        CompactionToy.Free(world.ZonesOf(0)[1], 1, 9, 13, 17, 29);
        return world;
    }

    [Fact]
    public void A_request_limited_to_zone_0_does_not_wake_kcompactd_for_zone_1()
    {
        var world = OnlyZone1Compactable();

        Kcompactd.WakeupKcompactd(world, 0, 1, 0, "test", 1);

        Assert.True(world.Reclaim[0].KcompactdSleeping);
        Assert.Equal(0, world.Reclaim[0].KcompactdHighestZoneidx);
    }

    [Fact]
    public void A_pass_limited_to_zone_0_leaves_zone_1_alone_and_resets_the_request()
    {
        var world = OnlyZone1Compactable();
        var s = world.Reclaim[0];
        s.KcompactdSleeping = false;
        s.KcompactdMaxOrder = 1;
        s.KcompactdHighestZoneidx = 0;

        Kcompactd.Step(world, 0);

        Assert.Empty(CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>());
        // highest_zoneidx 0 >= the 0 served: back to nr_zones - 1 = 1.
        Assert.Equal((0, 1), (s.KcompactdMaxOrder, s.KcompactdHighestZoneidx));
    }
}
