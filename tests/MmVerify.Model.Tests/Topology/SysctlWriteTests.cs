using MmVerify.Model.Buddy;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.TopologyTests;

// checks the vm sysctl handlers: min_free_kbytes_sysctl_handler() and lowmem_reserve_ratio_sysctl_handler(), mm/page_alloc.c
public class SysctlWriteTests
{
    private static Machine TwoZones() => Machine.Boot(
        new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Dma32, 0, 512), ZoneSpec.Flat(ZoneKind.Normal, 512, 1024)])]),
        new VmSysctls { UserMinFreeKbytes = 128 },
        new BuddyGeometry(4, 2));

    [Fact]
    public void Writing_min_free_kbytes_recomputes_totalreserve_pages()
    {
        // One 1024-page Normal zone: min_free_kbytes 256 = 64 pages min, low and high add
        // max(min / 4, managed * 10 / 10000) = 16 each: high 96, and totalreserve_pages is that high mark.
        var machine = Toy.Machine(1024, new BuddyGeometry(4, 2));

        machine.WriteMinFreeKbytes(256);

        Assert.Equal(96, machine.Nodes[0].Zones[0].HighWmarkPages);
        Assert.Equal(96, machine.TotalreservePages);
    }

    [Theory]
    // Values below 1 are stored as 0 ("if (sysctl_lowmem_reserve_ratio[i] < 1) ... = 0"); 1 stays 1.
    // DMA32's reserve against Normal is Normal's 1024 managed pages / ratio, or 0 when the ratio is 0.
    [InlineData(new long[] { 1, 0 }, new long[] { 1, 0 }, 1024)]
    [InlineData(new long[] { 256, -5 }, new long[] { 256, 0 }, 4)]
    [InlineData(new long[] { -1, 32 }, new long[] { 0, 32 }, 0)]
    public void Writing_lowmem_reserve_ratio_clamps_below_one_and_recomputes_the_reserves(long[] written, long[] stored, long dma32Reserve)
    {
        var machine = TwoZones();

        machine.WriteLowmemReserveRatio(written);

        Assert.Equal(stored, machine.Sysctls.LowmemReserveRatio!);
        Assert.Equal([0L, dma32Reserve], machine.Nodes[0].Zones[0].LowmemReserve);
    }

    [Fact]
    public void A_cloned_machine_has_its_own_sysctls_and_zones()
    {
        var machine = Toy.Machine(1024, new BuddyGeometry(4, 2));

        var copy = machine.Clone();
        copy.WriteMinFreeKbytes(256);

        Assert.Equal(96, copy.Nodes[0].Zones[0].HighWmarkPages);
        Assert.Equal(128, machine.Sysctls.MinFreeKbytes);
        Assert.Equal(48, machine.Nodes[0].Zones[0].HighWmarkPages);
    }
}
