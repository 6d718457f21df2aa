using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Tests.Watermarks;

// checks set_recommended_min_free_kbytes(), mm/khugepaged.c: only populated zones at or below ZONE_NORMAL are counted
public class RecommendedMinFreeKbytesTests
{
    [Fact]
    public void Movable_and_empty_lowmem_zones_do_not_count()
    {
        // DMA empty, Normal 1000000 pages, Movable 500000 pages: one counted zone.
        var machine = new MachineSpec([new NodeSpec(0,
        [
            ZoneSpec.Empty(ZoneKind.Dma),
            ZoneSpec.Flat(ZoneKind.Normal, 4096, 1000000),
            ZoneSpec.Flat(ZoneKind.Movable, 2000000, 500000),
        ])]);
        var noWatermarks = new[] { new WatermarkSet[3] };

        // 512 * 1 * 2 + 512 * 1 * 3 * 3 = 5632 pages (below 5% of 1000000), << 2 = 22528 KiB.
        Assert.Equal(22528, WatermarkSetup.RecommendedMinFreeKbytes(machine, 512, 0, noWatermarks));
    }
}
