using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.Buddy;

// checks zone setup at the edges (memmap_init_range() + memblock_free_pages(), mm/mm_init.c): no spec,
// a zone too large to model page by page, an empty zone off pageblock alignment, a zone with no managed page
public class ZoneSpecLimitsTests
{
    private static readonly BuddyGeometry Geometry = new(3, 2);

    private static Zone Build(ZoneSpec spec) => new(0, 0, spec, Geometry, 1, new VmSysctls { PerCpuPages = false });

    [Fact]
    public void A_missing_spec_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Build(null!));

        Assert.Equal("spec", e.ParamName);
    }

    [Fact]
    public void A_zone_of_2_pow_31_pages_is_refused_before_any_page_is_built()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Build(new ZoneSpec(ZoneKind.Normal, 0, 1L << 31, 1L << 31, 0)));

        Assert.Equal("spec", e.ParamName);
    }

    [Fact]
    public void Missing_sysctls_are_refused_by_name()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new Zone(0, 0, ZoneSpec.Flat(ZoneKind.Normal, 0, 8), Geometry, 1, null!));

        Assert.Equal("sysctls", e.ParamName);
    }

    [Fact]
    public void A_zone_of_2_pow_31_minus_1_pages_passes_the_size_check()
    {
        // Every page index 0 .. 2^31 - 2 fits an int, so the spec is not refused; the page array of
        // 2^31 - 1 frames is then above Array.MaxLength, which .NET refuses before allocating anything.
        var spec = new ZoneSpec(ZoneKind.Normal, 0, int.MaxValue, int.MaxValue, 0);

        Assert.Throws<OutOfMemoryException>(() => Build(spec));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(5)] // (5 + 0 - 1) >> 2 = 1 would count one pageblock if the empty case were not special
    public void An_empty_zone_has_no_pageblock_wherever_it_starts(long startPfn)
    {
        var zone = Build(new ZoneSpec(ZoneKind.Normal, startPfn, 0, 0, 0));

        Assert.Equal(0, zone.PageblockCount);
    }

    [Fact]
    public void A_zone_without_managed_pages_is_all_reserved_and_has_nothing_free()
    {
        // spanned 8, managed 0: every page is an unmanaged (reserved) page at the bottom of the zone.
        var zone = Build(new ZoneSpec(ZoneKind.Normal, 0, 8, 8, 0));

        Assert.Equal(0, zone.NrFreePages);
        Assert.All(Enumerable.Range(0, 8), i => Assert.Equal(PageState.Reserved, zone.StateAt(i)));
        Assert.Equal(new long[] { 0, 0, 0, 0 }, Enumerable.Range(0, 4).Select(o => zone.NrFree(o)).ToArray());
    }
}
