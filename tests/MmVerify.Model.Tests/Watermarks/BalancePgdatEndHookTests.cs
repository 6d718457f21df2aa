using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Watermarks;

// checks the "out:" label of balance_pgdat(), mm/vmscan.c: every run ends through the reserve-tuning policy point (the autotune patches' hook)
public class BalancePgdatEndHookTests
{
    private sealed class CountingTuning : IReserveTuningPolicy
    {
        public List<int> BalanceEnds { get; } = [];

        public void OnAllocationFailure(World world, GfpFlags gfp, int order, int nid)
        {
        }

        public void OnBalanceEnd(World world, int nid) => BalanceEnds.Add(nid);

        public void OnTick(World world)
        {
        }
    }

    [Fact]
    public void A_run_on_a_balanced_node_ends_at_once_and_calls_the_hook_once()
    {
        var tuning = new CountingTuning();
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 4096)])]);
        var machine = Machine.Boot(spec, new VmSysctls { UserMinFreeKbytes = 1024 }, BuddyGeometry.X86_64);
        var world = new World(machine, VariantCatalog.Resolve("linux-7.2") with { ReserveTuning = tuning });
        BalancePgdat.Begin(world, 0, 0, 0);
        var run = world.Reclaim[0].Run!;

        BalancePgdat.Step(world, 0);

        // All free and no boost: balanced with nr_boost_reclaim 0, so the first iteration goes to "out:".
        Assert.Equal([0], tuning.BalanceEnds);
        Assert.Equal(1, run.Iterations);
        Assert.Null(world.Reclaim[0].Run);
    }
}
