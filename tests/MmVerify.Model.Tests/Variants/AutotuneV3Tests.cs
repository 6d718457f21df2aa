using MmVerify.Model.Kswapd;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.VariantPolicies;

// checks the seed-002 v3 patch (mm/page_alloc.c): on an order-0 atomic failure, boost_watermark() every zone
// of the zonelist and wakeup_kswapd() for it, at most once per 10 s
public class AutotuneV3Tests
{
    [Fact]
    public void An_atomic_failure_boosts_the_zone_by_a_pageblock_and_wakes_kswapd()
    {
        // min_free_kbytes 4096: high = 1536 pages, max_boost = 1536 * 15000 / 10000 = 2304; one pageblock is 512.
        var world = AutotuneWorlds.World("autotune-v3", minFreeKbytes: 4096);
        world.Reclaim[0].Phase = KswapdPhase.Sleeping;

        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);

        Assert.Equal(512, Worlds.Zone(world).WatermarkBoost);
        Assert.Equal(KswapdPhase.Waking, world.Reclaim[0].Phase);
        var events = ((TraceBuffer)world.Trace).Events;
        var boost = events.OfType<AutotuneEvent>().Last();
        Assert.Equal(("boost", 0, 0, 512L), (boost.Action, boost.Nid, boost.Zid, boost.Boost));
        var wake = events.OfType<WakeupKswapdEvent>().Single();
        Assert.Equal(("kworker/0:1", 30), (wake.Comm, wake.Pid));
        Assert.Equal(4096, world.Sysctls.MinFreeKbytes);
    }

    [Fact]
    public void A_zone_that_cannot_be_boosted_is_neither_recorded_nor_woken_for()
    {
        // watermark_boost_factor 0: boost_watermark() does nothing.
        var world = AutotuneWorlds.World("autotune-v3", minFreeKbytes: 4096);
        world.Sysctls.WatermarkBoostFactor = 0;
        world.Reclaim[0].Phase = KswapdPhase.Sleeping;

        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);

        Assert.Equal(KswapdPhase.Sleeping, world.Reclaim[0].Phase);
        Assert.Equal(["trigger"], AutotuneWorlds.Actions(world));
        Assert.Empty(((TraceBuffer)world.Trace).Events.OfType<WakeupKswapdEvent>());
    }
}
