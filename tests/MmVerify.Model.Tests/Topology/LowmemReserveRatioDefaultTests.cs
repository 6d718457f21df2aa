using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.TopologyTests;

/// <summary>setup_per_zone_lowmem_reserve(), mm/page_alloc.c: with the default sysctl_lowmem_reserve_ratio (DMA32 256, NORMAL 32), which VmSysctls documents null to mean.</summary>
public class LowmemReserveRatioDefaultTests
{
    [Fact]
    public void Null_ratios_recompute_the_reserves_from_the_kernel_default()
    {
        // DMA32 below a 1024-page Normal zone, default ratio 256: lowmem_reserve[NORMAL] = 1024 / 256 = 4.
        var machine = Machine.Boot(
            new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Dma32, 0, 512), ZoneSpec.Flat(ZoneKind.Normal, 512, 1024)])]),
            new VmSysctls { UserMinFreeKbytes = 128, LowmemReserveRatio = [1, 1] },
            new BuddyGeometry(4, 2));

        machine.Sysctls.LowmemReserveRatio = null;
        machine.SetupPerZoneLowmemReserve();

        Assert.Equal([0L, 4L], machine.Nodes[0].Zones[0].LowmemReserve);
    }
}
