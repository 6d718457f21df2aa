using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.Buddy;

// A zone is built from its spec: 0 <= cma <= managed <= spanned, start_pfn >= 0; its pageblocks are the
// pageblock-aligned ranges it touches (a partial first or last pageblock counts); an empty zone is unpopulated.
public class ZoneConstructionTests
{
    private static readonly BuddyGeometry Geometry = new(3, 2);

    private static Zone Build(ZoneSpec spec) => new(0, 0, spec, Geometry, 1, new VmSysctls { PerCpuPages = false });

    [Theory]
    [InlineData(0, 16, 17, 0)]  // managed > spanned
    [InlineData(0, 16, 8, 9)]   // cma > managed
    [InlineData(-1, 16, 16, 0)] // negative start
    public void An_inconsistent_spec_is_refused(long startPfn, long spanned, long managed, long cma)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Build(new ZoneSpec(ZoneKind.Normal, startPfn, spanned, spanned, managed, cma)));
    }

    [Fact]
    public void Managed_equal_to_spanned_and_cma_equal_to_managed_are_accepted()
    {
        var zone = Build(new ZoneSpec(ZoneKind.Normal, 0, 16, 16, 16, 16));

        Assert.Equal(16, zone.NrFreePages);
        Assert.Equal(16, zone.NrFreeCmaPages);
    }

    [Theory]
    [InlineData(0, 16, 4)]  // pfn 0-15: pageblocks 0-3
    [InlineData(2, 14, 4)]  // pfn 2-15: partial pageblock 0, then 1-3
    [InlineData(2, 15, 5)]  // pfn 2-16: also a partial pageblock 4
    [InlineData(4, 1, 1)]   // a single page
    [InlineData(0, 0, 0)]   // empty
    public void A_zone_has_every_pageblock_it_touches(long startPfn, long spanned, int pageblocks)
    {
        var zone = Build(new ZoneSpec(ZoneKind.Normal, startPfn, spanned, spanned, spanned));

        Assert.Equal(pageblocks, zone.PageblockCount);
        Assert.Equal(spanned, zone.NrFreePages);
    }

    [Fact]
    public void An_empty_zone_is_unpopulated_and_has_no_free_pages()
    {
        var zone = Build(ZoneSpec.Empty(ZoneKind.Normal));

        Assert.False(zone.IsPopulated);
        Assert.Equal(0, zone.NrFreePages);
        Assert.Equal(new long[] { 0, 0, 0, 0 }, Enumerable.Range(0, 4).Select(o => zone.NrFree(o)).ToArray());
    }
}
