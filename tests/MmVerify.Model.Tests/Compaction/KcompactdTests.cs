using MmVerify.Model.Compaction;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// kcompactd (mm/compaction.c): wakeup_kcompactd() records the request and wakes a sleeping thread only
/// if some zone passes kcompactd_node_suitable(); kcompactd_do_work() compacts, defers failed zones and
/// resets the request it served. 32-page zone; five free single pages make order 1 worth compacting.
/// </summary>
public class KcompactdTests
{
    [Fact]
    public void An_order_0_wakeup_is_ignored()
    {
        var world = Setup(compactable: true);
        var s = world.Reclaim[0];

        Kcompactd.WakeupKcompactd(world, 0, 0, 0, "test", 1);

        Assert.True(s.KcompactdSleeping);
        Assert.Equal(0, s.KcompactdMaxOrder);
    }

    [Fact]
    public void Without_compaction_kcompactd_is_never_woken()
    {
        var world = Setup(compactable: true);
        world.Sysctls.CompactionEnabled = false;

        Kcompactd.WakeupKcompactd(world, 0, 1, 0, "test", 1);

        Assert.True(world.Reclaim[0].KcompactdSleeping);
        Assert.Equal(0, world.Reclaim[0].KcompactdMaxOrder);
    }

    [Fact]
    public void A_wakeup_raises_the_max_order_and_lowers_the_highest_zone_index()
    {
        var world = Setup(compactable: false);
        var s = world.Reclaim[0];
        s.KcompactdHighestZoneidx = 3;

        Kcompactd.WakeupKcompactd(world, 0, 2, 0, "test", 1);
        Assert.Equal((2, 0), (s.KcompactdMaxOrder, s.KcompactdHighestZoneidx));

        Kcompactd.WakeupKcompactd(world, 0, 1, 2, "test", 1);
        Assert.Equal((2, 0), (s.KcompactdMaxOrder, s.KcompactdHighestZoneidx));
    }

    [Fact]
    public void A_sleeping_kcompactd_is_woken_when_a_zone_can_be_compacted()
    {
        var world = Setup(compactable: true);
        world.Clock.NowNs = 5000;
        var s = world.Reclaim[0];

        Kcompactd.WakeupKcompactd(world, 0, 1, 0, "test", 1);

        Assert.False(s.KcompactdSleeping);
        Assert.Equal(5000, s.KcompactdNextRunNs);
        var e = CompactionToy.Trace(world).Events.OfType<WakeupKcompactdEvent>().Single();
        Assert.Equal(("test", 1), (e.Comm, e.Pid));
    }

    [Fact]
    public void A_sleeping_kcompactd_stays_asleep_when_no_zone_can_be_compacted()
    {
        var world = Setup(compactable: false);
        var s = world.Reclaim[0];

        Kcompactd.WakeupKcompactd(world, 0, 1, 0, "test", 1);

        Assert.True(s.KcompactdSleeping);
        Assert.Equal(1, s.KcompactdMaxOrder);
        Assert.Empty(CompactionToy.Trace(world).Events.OfType<WakeupKcompactdEvent>());
    }

    [Fact]
    public void A_pass_that_fails_defers_the_zone_and_resets_the_request_then_kcompactd_sleeps()
    {
        // Nothing migratable: the run ends COMPLETE, the zone is deferred (shift 1), max_order back to 0
        // and highest_zoneidx to nr_zones - 1; the next step finds no new request and sleeps.
        var world = Setup(compactable: true);
        var s = world.Reclaim[0];
        s.KcompactdSleeping = false;
        s.KcompactdMaxOrder = 1;
        s.KcompactdHighestZoneidx = 0;

        Kcompactd.Step(world, 0);

        Assert.Equal(1, world.Vm[VmEvent.CompactDaemonWake]);
        Assert.Equal(1, world.Compaction[0][0].DeferShift);
        Assert.Equal((0, 0), (s.KcompactdMaxOrder, s.KcompactdHighestZoneidx));
        Assert.True(s.KcompactdWorking);
        Assert.True(s.KcompactdNextRunNs > world.NowNs);
        var begin = CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>().Single();
        Assert.Equal("kcompactd0", begin.Comm);

        Kcompactd.Step(world, 0);

        Assert.True(s.KcompactdSleeping);
        Assert.False(s.KcompactdWorking);
        Assert.Equal(long.MaxValue, s.KcompactdNextRunNs);
    }

    [Fact]
    public void A_request_that_came_in_during_the_pass_is_served_next()
    {
        var world = Setup(compactable: true);
        var s = world.Reclaim[0];
        s.KcompactdSleeping = false;
        s.KcompactdMaxOrder = 1;
        Kcompactd.Step(world, 0);

        s.KcompactdMaxOrder = 2;
        Kcompactd.Step(world, 0);

        Assert.Equal(2, world.Vm[VmEvent.CompactDaemonWake]);
        Assert.False(s.KcompactdSleeping);
        Assert.Equal(0, s.KcompactdMaxOrder);
    }

    [Fact]
    public void A_sleeping_kcompactd_does_not_run()
    {
        var world = Setup(compactable: true);
        world.Reclaim[0].KcompactdNextRunNs = 0;

        Kcompactd.Step(world, 0);

        Assert.Equal(long.MaxValue, world.Reclaim[0].KcompactdNextRunNs);
        Assert.Equal(0, world.Vm[VmEvent.CompactDaemonWake]);
    }

    private static World Setup(bool compactable)
    {
        var world = CompactionToy.World(32);
        if (compactable)
        {
            CompactionToy.Free(CompactionToy.Zone(world), 1, 9, 13, 17, 29);
        }

        return world;
    }
}
