using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Tests.Watermarks;

public class SetupTests
{
    // KERNEL.md 2.2 worked example: managed DMA 3840, DMA32 740000, Normal 3400000 (about 16 GiB).
    private static readonly MachineSpec SixteenGiB = X86Node(3840, 740000, 3400000);

    // This development machine (Linux 6.18.44): managed DMA 3840, DMA32 772917, Normal 131072.
    private static readonly MachineSpec ThisMachine = X86Node(3840, 772917, 131072);

    private static MachineSpec X86Node(long dma, long dma32, long normal) => new([new NodeSpec(0,
    [
        new ZoneSpec(ZoneKind.Dma, 1, dma, dma, dma),
        new ZoneSpec(ZoneKind.Dma32, 4096, dma32, dma32, dma32),
        new ZoneSpec(ZoneKind.Normal, 1048576, normal, normal, normal),
        ZoneSpec.Empty(ZoneKind.Movable),
        ZoneSpec.Empty(ZoneKind.Device),
    ])]);

    [Theory]
    [InlineData(262144, 4096)]      // 1 GiB of lowmem
    [InlineData(4194304, 16384)]    // 16 GiB
    [InlineData(4143840, 16285)]    // the worked example
    [InlineData(1000, 252)]         // small: int_sqrt(64000) = 252 (252.98 rounded down)
    [InlineData(10, 128)]           // clamped up to 128
    [InlineData(1L << 30, 262144)]  // 4 TiB: clamped down to 256 MiB
    public void Sqrt_rule_gives_four_times_the_square_root_of_lowmem_kbytes(long lowmemPages, long expected)
    {
        Assert.Equal(expected, WatermarkSetup.CalculateMinFreeKbytes(lowmemPages, userMinFreeKbytes: -1, currentMinFreeKbytes: 1024));
    }

    [Fact]
    public void A_user_value_at_least_as_large_as_the_rule_is_kept()
    {
        Assert.Equal(50000, WatermarkSetup.CalculateMinFreeKbytes(262144, userMinFreeKbytes: 50000, currentMinFreeKbytes: 50000));
    }

    [Fact]
    public void Int_sqrt_is_exact_at_perfect_squares_and_their_neighbours()
    {
        foreach (ulong r in new ulong[] { 1, 2, 3, 1000, 4294967295, 3037000499 })
        {
            Assert.Equal(r, KernelMath.IntSqrt(r * r));
            Assert.Equal(r, KernelMath.IntSqrt((r * r) + r));
            Assert.Equal(r - 1, KernelMath.IntSqrt((r * r) - 1));
        }

        Assert.Equal(4294967295UL, KernelMath.IntSqrt(ulong.MaxValue));
    }

    [Fact]
    public void Worked_example_with_the_sqrt_rule()
    {
        Assert.Equal(16285, WatermarkSetup.DefaultMinFreeKbytes(SixteenGiB, thpEnabled: false, 10, 512));

        var w = WatermarkSetup.SetupPerZoneWmarks(SixteenGiB, 16285, 10)[0];

        Assert.Equal(new WatermarkSet(3, 6, 9, 12), w[0]);
        Assert.Equal(new WatermarkSet(726, 1466, 2206, 2946), w[1]);
        Assert.Equal(new WatermarkSet(3340, 6740, 10140, 13540), w[2]);
    }

    [Fact]
    public void Worked_example_with_the_THP_raise()
    {
        Assert.Equal(67584, WatermarkSetup.DefaultMinFreeKbytes(SixteenGiB, thpEnabled: true, 10, 512));

        var w = WatermarkSetup.SetupPerZoneWmarks(SixteenGiB, 67584, 10)[0];

        Assert.Equal(new WatermarkSet(15, 18, 21, 24), w[0]);
        Assert.Equal(new WatermarkSet(3017, 3771, 4525, 5279), w[1]);
        Assert.Equal(new WatermarkSet(13863, 17328, 20793, 24258), w[2]);
    }

    [Fact]
    public void Movable_and_empty_zones_get_the_clamped_minimum()
    {
        var w = WatermarkSetup.SetupPerZoneWmarks(ThisMachine, 67584, 10)[0];

        Assert.Equal(new WatermarkSet(71, 88, 105, 122), w[0]);
        Assert.Equal(new WatermarkSet(14385, 17981, 21577, 25173), w[1]);
        Assert.Equal(new WatermarkSet(2439, 3048, 3657, 4266), w[2]);
        Assert.Equal(new WatermarkSet(32, 32, 32, 32), w[3]);   // MOVABLE: clamp(0/1024, 32, 128), no delta
        Assert.Equal(new WatermarkSet(0, 0, 0, 0), w[4]);       // DEVICE is lowmem-style with no pages
    }

    [Fact]
    public void A_populated_movable_zone_keeps_proportional_distances_but_a_capped_min()
    {
        var spec = new MachineSpec([new NodeSpec(0,
        [
            new ZoneSpec(ZoneKind.Normal, 0, 1 << 20, 1 << 20, 1 << 20),
            new ZoneSpec(ZoneKind.Movable, 1 << 20, 1 << 20, 1 << 20, 1 << 20),
        ])]);

        var w = WatermarkSetup.SetupPerZoneWmarks(spec, 16384, 10)[0];

        // pages_min 4096 all belongs to Normal (lowmem); Movable's share is 4096 too but MIN is capped at 128.
        Assert.Equal(new WatermarkSet(4096, 5144, 6192, 7240), w[0]);
        Assert.Equal(new WatermarkSet(128, 1176, 2224, 3272), w[1]);
    }

    [Fact]
    public void On_6_1_a_movable_zone_counts_as_lowmem_and_gets_its_full_share()
    {
        var spec = new MachineSpec([new NodeSpec(0,
        [
            new ZoneSpec(ZoneKind.Normal, 0, 1 << 20, 1 << 20, 1 << 20),
            new ZoneSpec(ZoneKind.Movable, 1 << 20, 1 << 20, 1 << 20, 1 << 20),
        ])]);

        var w = WatermarkSetup.SetupPerZoneWmarks(spec, 16384, 10, MovableMinRule.CountedAsLowmem)[0];

        // pages_min 4096 split over 2^21 lowmem pages: 2048 each, MIN not capped; delta max(512, 1048).
        Assert.Equal(new WatermarkSet(2048, 3096, 4144, 5192), w[0]);
        Assert.Equal(new WatermarkSet(2048, 3096, 4144, 5192), w[1]);
    }

    [Fact]
    public void A_machine_without_lowmem_is_refused_as_the_kernel_would_divide_by_zero()
    {
        var spec = new MachineSpec([new NodeSpec(0, [new ZoneSpec(ZoneKind.Movable, 0, 4096, 4096, 4096)])]);
        Assert.Throws<ArgumentException>(() => WatermarkSetup.SetupPerZoneWmarks(spec, 1024, 10));
    }

    [Fact]
    public void THP_is_on_by_default_from_exactly_512_MiB()
    {
        static MachineSpec Normal(long pages) => new([new NodeSpec(0, [new ZoneSpec(ZoneKind.Normal, 0, pages, pages, pages)])]);
        Assert.True(WatermarkSetup.ThpEnabledByDefault(Normal(131072)));
        Assert.False(WatermarkSetup.ThpEnabledByDefault(Normal(131071)));
    }

    [Fact]
    public void This_machine_defaults_to_the_THP_value()
    {
        Assert.True(WatermarkSetup.ThpEnabledByDefault(ThisMachine));
        Assert.Equal(67584, WatermarkSetup.DefaultMinFreeKbytes(ThisMachine, thpEnabled: true, 10, 512));
    }

    [Fact]
    public void THP_is_off_by_default_below_512_MiB()
    {
        var small = X86Node(3840, 60000, 0);
        Assert.False(WatermarkSetup.ThpEnabledByDefault(small));
    }

    [Fact]
    public void Watermark_scale_factor_widens_the_gaps()
    {
        var w = WatermarkSetup.SetupPerZoneWmarks(SixteenGiB, 16285, 100)[0];
        Assert.Equal(new WatermarkSet(3340, 3340 + 34000, 3340 + 68000, 3340 + 102000), w[2]);
    }

    [Fact]
    public void Lowmem_reserve_worked_example()
    {
        var reserve = WatermarkSetup.SetupPerZoneLowmemReserve(SixteenGiB, [256, 256, 32, 0, 0])[0];

        Assert.Equal(new long[] { 0, 2890, 16171, 16171, 16171 }, reserve[0]);
        Assert.Equal(new long[] { 0, 0, 13281, 13281, 13281 }, reserve[1]);
        Assert.Equal(new long[] { 0, 0, 0, 0, 0 }, reserve[2]);
    }

    [Fact]
    public void A_zero_ratio_or_an_empty_zone_clears_the_protection()
    {
        var reserve = WatermarkSetup.SetupPerZoneLowmemReserve(SixteenGiB, [0, 256, 32, 0, 0])[0];
        Assert.Equal(new long[5], reserve[0]);
        Assert.Equal(new long[] { 0, 0, 13281, 13281, 13281 }, reserve[1]);
    }

    [Fact]
    public void This_machines_protection()
    {
        var reserve = WatermarkSetup.SetupPerZoneLowmemReserve(ThisMachine, [256, 256, 32, 0, 0])[0];
        Assert.Equal(new long[] { 0, 3019, 3531, 3531, 3531 }, reserve[0]);
        Assert.Equal(new long[] { 0, 0, 512, 512, 512 }, reserve[1]);
    }

    [Fact]
    public void Booting_a_machine_applies_the_watermarks_and_a_sysctl_write_clears_the_boost()
    {
        var machine = Machine.Boot(SixteenGiBToy(), new VmSysctls(), BuddyGeometry.X86_64);
        var normal = machine.Nodes[0].Zones[2];
        normal.WatermarkBoost = 512;

        machine.WriteWatermarkScaleFactor(20);

        Assert.Equal(0, normal.WatermarkBoost);
        Assert.Equal(normal.RawWatermark(Gfp.WmarkIndex.Low) - normal.RawWatermark(Gfp.WmarkIndex.Min), normal.RawWatermark(Gfp.WmarkIndex.High) - normal.RawWatermark(Gfp.WmarkIndex.Low));
        Assert.Equal(20, machine.Sysctls.WatermarkScaleFactor);
    }

    [Fact]
    public void Writing_min_free_kbytes_records_the_user_value()
    {
        var machine = Machine.Boot(SixteenGiBToy(), new VmSysctls(), BuddyGeometry.X86_64);

        machine.WriteMinFreeKbytes(8192);

        Assert.Equal(8192, machine.Sysctls.UserMinFreeKbytes);
        Assert.InRange(machine.Zones.Sum(z => z.RawWatermark(Gfp.WmarkIndex.Min)), 2046, 2048);
    }

    [Fact]
    public void Totalreserve_pages_sums_high_plus_the_largest_protection_capped_at_managed()
    {
        var machine = Machine.Boot(SixteenGiBToy(), new VmSysctls { UserMinFreeKbytes = 16285 }, BuddyGeometry.X86_64);
        var zones = machine.Nodes[0].Zones;
        var expected = zones.Sum(z => Math.Min(z.ManagedPages, z.LowmemReserve.Max() + z.HighWmarkPages));
        Assert.Equal(expected, machine.TotalreservePages);
        Assert.True(machine.TotalreservePages > 0);
    }

    // A small machine with the same shape, cheap enough to model page by page.
    private static MachineSpec SixteenGiBToy() => new([new NodeSpec(0,
    [
        new ZoneSpec(ZoneKind.Dma, 0, 4096, 4096, 4096),
        new ZoneSpec(ZoneKind.Dma32, 4096, 65536, 65536, 65536),
        new ZoneSpec(ZoneKind.Normal, 69632, 131072, 131072, 131072),
    ])]);
}
