using MmVerify.Engine.Properties;
using MmVerify.Model.Watermarks;
using MmVerify.Specs.Watermarks;

namespace MmVerify.Specs.Tests.RunProperties;

public sealed class BoostBoundedTests
{
    private static void BoostToMax(RunRecordBuilder b)
    {
        while (WatermarkBoosting.BoostWatermark(b.Zone))
        {
            if (b.Zone.WatermarkBoost >= WatermarkBoosting.MaxBoost(b.Zone))
            {
                break;
            }
        }
    }

    [Fact]
    public void A_boost_left_in_place_after_boosting_is_disabled_is_violated()
    {
        // Violated at 5 s: a variant turns watermark_boost_factor to 0 but keeps the zone's boost, whose bound is then 0.
        var b = new RunRecordBuilder();
        BoostToMax(b);
        Assert.True(b.Zone.WatermarkBoost > 0);
        b.Machine.Sysctls.WatermarkBoostFactor = 0;
        var run = b.Check(new BoostBounded(), 5).Build();

        var result = RunRecordBuilder.Judge("boost.bounded", run);

        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal(5.0, result.At);
    }

    [Fact]
    public void A_boost_at_its_maximum_holds()
    {
        // Holds: boost_watermark() stops at max(pageblock, high * 15000 / 10000).
        var b = new RunRecordBuilder();
        BoostToMax(b);
        Assert.Equal(WatermarkBoosting.MaxBoost(b.Zone), b.Zone.WatermarkBoost);
        var run = b.Check(new BoostBounded(), 5).Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("boost.bounded", run).Verdict);
    }

    [Fact]
    public void A_zone_smaller_than_four_pageblocks_is_never_boosted()
    {
        // Holds: 1536 pages < 4 x 512, so boost_watermark() refuses and the boost stays 0.
        var b = new RunRecordBuilder(pages: 1536, minFreeKbytes: 128);
        Assert.False(WatermarkBoosting.BoostWatermark(b.Zone));
        var run = b.Check(new BoostBounded(), 1).Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("boost.bounded", run).Verdict);
    }
}
