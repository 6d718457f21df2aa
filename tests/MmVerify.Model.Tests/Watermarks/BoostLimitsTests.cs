using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Tests.Watermarks;

// checks boost_watermark(), mm/page_alloc.c (the small-zone cut-off) and the boost decay at the "out:" label of balance_pgdat(), mm/vmscan.c
public class BoostLimitsTests
{
    [Theory]
    [InlineData(2048, 512)] // pageblock_nr_pages * 4 == managed: not "too small", one pageblock of boost
    [InlineData(2047, -1)]  // pageblock_nr_pages * 4 > managed: kdump-sized zone, no boost
    public void A_zone_needs_four_pageblocks_to_be_boosted(long managedPages, long expected)
    {
        // HIGH 20793 and factor 15000: max_boost 31189, far above one pageblock.
        Assert.Equal(expected, WatermarkBoosting.NextBoost(0, 15000, 512, managedPages, 20793));
    }

    [Theory]
    [InlineData(1000, 300, 700)] // boost added during the run survives
    [InlineData(300, 300, 0)]
    [InlineData(200, 300, 0)]    // never below zero: at most what is there is taken away
    public void The_boost_present_at_the_start_of_the_run_is_taken_away(long boostNow, long boostAtStart, long expected)
    {
        Assert.Equal(expected, WatermarkBoosting.BoostAfterRun(boostNow, boostAtStart));
    }
}
