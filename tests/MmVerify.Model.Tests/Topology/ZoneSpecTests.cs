using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.TopologyTests;

// checks populated_zone() and totalram_pages() (include/linux/mmzone.h, mm/page_alloc.c) and zone_names[] parsing
public class ZoneSpecTests
{
    [Theory]
    // populated_zone(): a zone with no pages is unpopulated, one with a page is populated (present and
    // managed kept equal here: the model tests managed pages, the kernel present pages).
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void A_zone_is_populated_when_it_has_a_page(long pages, bool populated)
    {
        Assert.Equal(populated, new ZoneSpec(ZoneKind.Normal, 0, 16, pages, pages).IsPopulated);
    }

    [Fact]
    public void Totalram_pages_is_the_sum_of_managed_pages_over_all_zones()
    {
        var spec = new MachineSpec([
            new NodeSpec(0, [new ZoneSpec(ZoneKind.Dma32, 0, 512, 512, 500), ZoneSpec.Flat(ZoneKind.Normal, 512, 1024)]),
            new NodeSpec(1, [ZoneSpec.Flat(ZoneKind.Normal, 1536, 256)]),
        ]);

        Assert.Equal(500 + 1024 + 256, spec.TotalRamPages);
    }

    [Theory]
    [InlineData("DMA32", true, ZoneKind.Dma32)]
    [InlineData("Movable", true, ZoneKind.Movable)]
    [InlineData("Highmem", false, ZoneKind.Dma)]
    public void TryParse_accepts_exactly_the_zone_names(string name, bool found, ZoneKind kind)
    {
        Assert.Equal(found, ZoneKinds.TryParse(name, out var parsed));
        Assert.Equal(kind, parsed);
    }
}
