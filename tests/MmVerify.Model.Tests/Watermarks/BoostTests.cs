using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Tests.Watermarks;

public class BoostTests
{
    [Fact]
    public void Each_boost_adds_a_pageblock_up_to_one_and_a_half_times_high()
    {
        // KERNEL.md 2.4: HIGH 20793 gives max_boost 31189, saturated after 61 events.
        var zone = Toy.Zone(4096, BuddyGeometry.X86_64);
        zone.SetRawWatermarks(13863, 17328, 20793, 24258);

        Assert.Equal(31189, WatermarkBoosting.MaxBoost(zone));
        for (var i = 1; i <= 60; i++)
        {
            Assert.True(WatermarkBoosting.BoostWatermark(zone));
            Assert.Equal(512L * i, zone.WatermarkBoost);
        }

        Assert.True(WatermarkBoosting.BoostWatermark(zone));
        Assert.Equal(31189, zone.WatermarkBoost);
        Assert.Equal(13863 + 31189, zone.MinWmarkPages);
        Assert.Equal(13863, zone.RawWatermark(WmarkIndex.Min));
    }

    [Fact]
    public void The_cap_never_falls_below_one_pageblock()
    {
        var zone = Toy.Zone(4096, BuddyGeometry.X86_64);
        zone.SetRawWatermarks(10, 20, 30, 40);

        WatermarkBoosting.BoostWatermark(zone);
        WatermarkBoosting.BoostWatermark(zone);

        Assert.Equal(512, zone.WatermarkBoost);
    }

    [Fact]
    public void No_boost_with_factor_zero_in_small_zones_or_before_watermarks_exist()
    {
        var zone = Toy.Zone(4096, BuddyGeometry.X86_64);
        zone.Sysctls.WatermarkBoostFactor = 0;
        Assert.False(WatermarkBoosting.BoostWatermark(zone));

        var small = Toy.Zone(2047, BuddyGeometry.X86_64);
        Assert.False(WatermarkBoosting.BoostWatermark(small));

        var unset = Toy.Zone(4096, BuddyGeometry.X86_64);
        unset.SetRawWatermarks(0, 0, 0, 0);
        Assert.False(WatermarkBoosting.BoostWatermark(unset));
        Assert.Equal(0, unset.WatermarkBoost);
    }
}
