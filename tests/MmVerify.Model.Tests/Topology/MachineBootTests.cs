using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.TopologyTests;

// checks Machine.Boot(), the model of init_per_zone_wmark_min(), mm/page_alloc.c
public class MachineBootTests
{
    private static readonly BuddyGeometry Geometry = new(4, 2);

    private static MachineSpec TwoZones() =>
        new([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Dma32, 0, 512), ZoneSpec.Flat(ZoneKind.Normal, 512, 1024)])]);

    [Fact]
    public void A_missing_spec_or_sysctls_is_an_argument_error()
    {
        Assert.Equal("spec", Assert.Throws<ArgumentNullException>(() => Machine.Boot(null!, new VmSysctls(), Geometry)).ParamName);
        Assert.Equal("sysctls", Assert.Throws<ArgumentNullException>(() => Machine.Boot(TwoZones(), null!, Geometry)).ParamName);
        // Also when no zone is built (whose constructor would check the sysctls itself).
        Assert.Equal("sysctls", Assert.Throws<ArgumentNullException>(() => Machine.Boot(new MachineSpec([]), null!, Geometry)).ParamName);
    }

    [Fact]
    public void A_user_min_free_kbytes_of_zero_is_used_as_written()
    {
        // user_min_free_kbytes is -1 until written; a written 0 is a real value (no watermarks at all),
        // not "unset", so the boot default does not replace it.
        var machine = Machine.Boot(TwoZones(), new VmSysctls { UserMinFreeKbytes = 0 }, Geometry);

        Assert.Equal(0, machine.Sysctls.MinFreeKbytes);
        Assert.Equal(0, machine.Nodes[0].Zones[1].MinWmarkPages);
    }

    [Fact]
    public void A_lowmem_reserve_ratio_given_before_boot_is_kept()
    {
        // sysctl_lowmem_reserve_ratio keeps what was set; DMA32 reserves Normal's 1024 managed pages / 8 = 128.
        var sysctls = new VmSysctls { UserMinFreeKbytes = 128, LowmemReserveRatio = [8, 1] };

        var machine = Machine.Boot(TwoZones(), sysctls, Geometry);

        Assert.Equal([8L, 1L], machine.Sysctls.LowmemReserveRatio!);
        Assert.Equal([0L, 128L], machine.Nodes[0].Zones[0].LowmemReserve);
    }

    [Fact]
    public void Totalreserve_pages_add_up_over_nodes()
    {
        // One Normal zone per node, no lowmem reserve: each node reserves its zone's high watermark.
        var spec = new MachineSpec([
            new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 1024)]),
            new NodeSpec(1, [ZoneSpec.Flat(ZoneKind.Normal, 1024, 3072)]),
        ]);

        var machine = Machine.Boot(spec, new VmSysctls { UserMinFreeKbytes = 1024 }, Geometry);

        var high0 = machine.Nodes[0].Zones[0].HighWmarkPages;
        var high1 = machine.Nodes[1].Zones[0].HighWmarkPages;
        Assert.NotEqual(high0, high1);
        Assert.Equal(high0, machine.Nodes[0].TotalreservePages);
        Assert.Equal(high0 + high1, machine.TotalreservePages);
    }
}
