using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Variants;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Tests.Watermarks;

// checks zone_watermark_fast(), mm/page_alloc.c: the order-0 quick accept subtracts the unusable free pages first
public class WatermarkFastTests
{
    private static readonly Zone Areas = Toy.Zone(16, new BuddyGeometry(3, 2));

    private static bool Fast(long freePages, long nrFreeCmaPages, AllocFlags flags) =>
        WatermarkCheck.WatermarkFast(Areas, 0, 60, 60, 0, 0, flags, freePages, 0, nrFreeCmaPages, new IgnoreBoostAtMinForHighOrder0());

    [Theory]
    [InlineData(100, 50, AllocFlags.None, false)] // 100 - 50 CMA = 50 usable, not above 60
    [InlineData(100, 30, AllocFlags.None, true)]  // 70 usable
    [InlineData(100, 50, AllocFlags.Cma, true)]   // a request that may use CMA counts all 100
    [InlineData(61, 0, AllocFlags.None, true)]
    [InlineData(60, 0, AllocFlags.None, false)]   // must be strictly above the mark
    public void Order_0_is_accepted_only_above_the_mark_after_unusable_pages(long freePages, long nrFreeCmaPages, AllocFlags flags, bool expected)
    {
        Assert.Equal(expected, Fast(freePages, nrFreeCmaPages, flags));
    }

    [Fact]
    public void A_missing_boost_policy_is_refused_even_when_the_quick_accept_would_pass()
    {
        var e = Assert.Throws<ArgumentNullException>(() =>
            WatermarkCheck.WatermarkFast(Areas, 0, 60, 60, 0, 0, AllocFlags.None, 1000, 0, 0, null!));

        Assert.Equal("atomicMinBoost", e.ParamName);
    }
}
