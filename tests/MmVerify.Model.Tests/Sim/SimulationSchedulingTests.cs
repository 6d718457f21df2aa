using MmVerify.Model.Sim;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.SimTests;

// checks Simulation.RunUntil(): actors in time order with fixed tie-breaks, and the once-a-second tick
public class SimulationSchedulingTests
{
    private static Simulation Idle(string variant = "linux-7.2", long minFreeKbytes = 128) =>
        new(SimulationBuilder.Setup(SimulationBuilder.OneNode(ZoneSpec.Flat(ZoneKind.Normal, 0, 1024)), variant: variant, minFreeKbytes: minFreeKbytes));

    [Fact]
    public void Time_advances_to_the_end_even_when_no_actor_is_due()
    {
        // kswapd runs at 0 and goes to sleep; the first tick is at 1 s: nothing runs in (0, 0.5 s].
        var sim = Idle();

        sim.RunUntil(500_000_000);

        Assert.Equal(500_000_000, sim.World.NowNs);
        Assert.Empty(sim.Samples);
    }

    [Fact]
    public void Kswapd_goes_before_kcompactd_due_at_the_same_time()
    {
        var sim = Idle();
        sim.World.Reclaim[0].KcompactdNextRunNs = 0;
        var order = new List<ActorKind>();
        sim.AfterStep = (_, kind, _) => order.Add(kind);

        sim.RunUntil(0);

        Assert.Equal([ActorKind.Kswapd, ActorKind.Kcompactd], order.Take(2));
    }

    [Fact]
    public void The_tick_runs_the_reserve_tuning_policy()
    {
        // autotune-v2 decays min_free_kbytes by 5% once 5 minutes have passed since its last change,
        // not below 1.2x the value before tuning: 1000 -> 950 at the first tick.
        var sim = Idle("autotune-v2", minFreeKbytes: 1000);
        sim.World.PolicyState.InitialMinFreeKbytes = 100;
        sim.World.PolicyState.LastChangeNs = -300_000_000_000;

        sim.RunUntil(1_000_000_000);

        Assert.Equal(950, sim.World.Sysctls.MinFreeKbytes);
        Assert.Single(sim.Samples);
    }
}
