using MmVerify.Model.Buddy;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.Watermarks;

// checks wakeup_kswapd() and the entry of balance_pgdat(), mm/vmscan.c, on a node with DMA32 and NORMAL:
// kswapd_highest_zoneidx only rises, and a run snapshots the boosts of the zones up to its highest_zoneidx only
public class TwoZoneKswapdTests
{
    private static World TwoZones()
    {
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Dma32, 0, 4096), ZoneSpec.Flat(ZoneKind.Normal, 4096, 16384)])]);
        var machine = Machine.Boot(spec, new VmSysctls { UserMinFreeKbytes = 4096 }, BuddyGeometry.X86_64);
        return new World(machine, Variants.VariantCatalog.Resolve("linux-7.2"));
    }

    [Theory]
    [InlineData(0, 1, 1)] // a request up to NORMAL raises it
    [InlineData(1, 0, 1)] // a DMA32-only request does not lower it
    [InlineData(2, 0, 0)] // unset (MAX_NR_ZONES): any request sets it
    public void The_recorded_highest_zoneidx_only_rises(int recorded, int requested, int expected)
    {
        var world = TwoZones();
        var state = world.Reclaim[0];
        state.Phase = KswapdPhase.Balancing; // running: the request is recorded, nobody is woken
        state.KswapdHighestZoneidx = recorded;

        KswapdFunctions.WakeupKswapd(world, 0, requested, Gfp.Gfp.Kernel, 0, requested, "test", 1);

        Assert.Equal(expected, state.KswapdHighestZoneidx);
    }

    [Fact]
    public void A_run_for_dma32_snapshots_only_the_dma32_boost()
    {
        var world = TwoZones();
        world.ZonesOf(0)[0].WatermarkBoost = 512;
        world.ZonesOf(0)[1].WatermarkBoost = 1024;

        BalancePgdat.Begin(world, 0, 0, 0);

        var run = world.Reclaim[0].Run!;
        Assert.Equal(new long[] { 512, 0 }, run.ZoneBoosts);
        Assert.Equal(512, run.NrBoostReclaim);
        Assert.True(run.Boosted);
    }
}
