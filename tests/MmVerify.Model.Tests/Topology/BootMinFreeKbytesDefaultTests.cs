using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.TopologyTests;

/// <summary>init_per_zone_wmark_min(), mm/page_alloc.c, then set_recommended_min_free_kbytes(), mm/khugepaged.c: the booted min_free_kbytes when the sysctl was never written.</summary>
public class BootMinFreeKbytesDefaultTests
{
    // MAX_PAGE_ORDER 10, pageblock_order 9 (512 pages), as on x86-64.
    private static readonly BuddyGeometry Geometry = new(10, 9);

    // One Normal zone of 131072 pages = 512 MiB: hugepage_init() keeps THP on from 512 MiB of RAM.
    private static MachineSpec HalfGigabyte() =>
        new([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 131072)])]);

    [Fact]
    public void Default_sysctls_are_unwritten_with_thp_on_so_khugepaged_raises_min_free_kbytes()
    {
        // calculate_min_free_kbytes(): 4 * sqrt(131072 pages * 4 KiB) = sqrt(8388608) = 2896.
        // Watermarks from 2896: min 724 pages, tmp = max(724 / 4, 131072 * 10 / 10000) = 181, high 724 + 362 = 1086.
        // khugepaged: 512 * 1 zone * 2 + 512 * 1 * 3 * 3 = 5632 pages, below (131072 - 1086) / 20 = 6499,
        // so 5632 pages = 22528 KiB, above 2896.
        var sysctls = new VmSysctls();

        var machine = Machine.Boot(HalfGigabyte(), sysctls, Geometry);

        Assert.True(sysctls.ThpEnabled);
        Assert.Equal(-1, sysctls.UserMinFreeKbytes);
        Assert.Equal(22528, machine.Sysctls.MinFreeKbytes);
    }

    [Fact]
    public void Without_thp_the_unwritten_sysctl_boots_to_the_sqrt_rule()
    {
        // Only calculate_min_free_kbytes(): 4 * sqrt(524288 KiB) = 2896.
        var machine = Machine.Boot(HalfGigabyte(), new VmSysctls { ThpEnabled = false }, Geometry);

        Assert.Equal(2896, machine.Sysctls.MinFreeKbytes);
    }
}
