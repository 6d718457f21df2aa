using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Tests.Watermarks;

// checks setup_per_zone_lowmem_reserve(), mm/page_alloc.c, when fewer ratios than zones are given: a missing ratio is 0
public class LowmemReserveRatioTests
{
    [Fact]
    public void A_zone_without_a_ratio_gets_no_protection()
    {
        var machine = new MachineSpec([new NodeSpec(0,
        [
            ZoneSpec.Flat(ZoneKind.Dma, 1, 3840),
            ZoneSpec.Flat(ZoneKind.Dma32, 4096, 740000),
            ZoneSpec.Flat(ZoneKind.Normal, 1048576, 3400000),
        ])]);

        var reserve = WatermarkSetup.SetupPerZoneLowmemReserve(machine, [256])[0];

        // DMA: 740000 / 256 = 2890, (740000 + 3400000) / 256 = 16171; DMA32 has no ratio, so nothing.
        Assert.Equal(new long[] { 0, 2890, 16171 }, reserve[0]);
        Assert.Equal(new long[] { 0, 0, 0 }, reserve[1]);
        Assert.Equal(new long[] { 0, 0, 0 }, reserve[2]);
    }
}
