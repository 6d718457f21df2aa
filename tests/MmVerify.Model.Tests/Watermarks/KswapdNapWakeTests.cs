using MmVerify.Model.Kswapd;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Watermarks;

// checks the "remaining" branch of kswapd_try_to_sleep(), mm/vmscan.c: kswapd woken during its HZ/10 nap
// keeps the larger of kswapd_order and reclaim_order and goes straight back to work, without a second sleep check
public class KswapdNapWakeTests
{
    [Fact]
    public void Woken_during_the_nap_kswapd_keeps_its_reclaim_order_and_wakes_even_if_the_nap_is_over()
    {
        var world = Worlds.OneZone("linux-7.2");
        var state = world.Reclaim[0];
        KswapdThread.Step(world, 0); // balanced: nap
        Assert.Equal(KswapdPhase.Napping, state.Phase);
        state.KswapdReclaimOrder = 3;

        Worlds.Zone(world).WatermarkBoost = 512; // a boosted node is woken although balanced
        KswapdFunctions.WakeupKswapd(world, 0, 0, Gfp.Gfp.Kernel, 0, 0, "test", 1);
        Assert.True(state.WokenEarly);
        world.Clock.NowNs = state.NapUntilNs; // kswapd gets the CPU only when the nap would have ended

        KswapdThread.Step(world, 0);

        Assert.Equal(KswapdPhase.Waking, state.Phase);
        Assert.Equal(3, state.KswapdOrder);
        Assert.Equal(0, state.KswapdHighestZoneidx);
        Assert.Equal(1, world.Vm[VmEvent.KswapdLowWmarkHitQuickly]);
    }
}
