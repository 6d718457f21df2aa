using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;

namespace MmVerify.Model.Watermarks;

public static class WatermarkBoosting
{
    // mirrors boost_watermark(), mm/page_alloc.c, v7.2: one pageblock per fragmenting fallback,
    // up to watermark_boost_factor/10000 of the un-boosted HIGH
    public static bool BoostWatermark(Zone zone)
    {
        var next = NextBoost(zone.WatermarkBoost, zone.Sysctls.WatermarkBoostFactor, zone.Geometry.PageblockNrPages, zone.ManagedPages, zone.RawWatermark(WmarkIndex.High));
        if (next < 0)
        {
            return false;
        }

        zone.WatermarkBoost = next;
        return true;
    }

    // mirrors boost_watermark(), mm/page_alloc.c, v7.2, on numbers: the new boost, or -1 when it does nothing
    public static long NextBoost(long boost, long factor, long pageblockNrPages, long managedPages, long rawHigh)
    {
        if (factor == 0)
        {
            return -1;
        }

        // Small zones (kdump kernels) would go OOM from a boost.
        if (pageblockNrPages * 4L > managedPages)
        {
            return -1;
        }

        var maxBoost = MaxBoost(rawHigh, factor, pageblockNrPages);
        if (maxBoost == 0)
        {
            return -1;
        }

        return Math.Min(boost + pageblockNrPages, maxBoost);
    }

    /// <summary>max(pageblock_nr_pages, mult_frac(_watermark[HIGH], factor, 10000)), or 0 before watermarks exist.</summary>
    public static long MaxBoost(Zone zone) =>
        MaxBoost(zone.RawWatermark(WmarkIndex.High), zone.Sysctls.WatermarkBoostFactor, zone.Geometry.PageblockNrPages);

    /// <summary>max_boost of boost_watermark() on numbers.</summary>
    public static long MaxBoost(long rawHigh, long factor, long pageblockNrPages)
    {
        var maxBoost = KernelMath.MultFrac(rawHigh, factor, 10000);
        return maxBoost == 0 ? 0 : Math.Max(pageblockNrPages, maxBoost);
    }

    // mirrors the boost decay at the "out:" label of balance_pgdat(), mm/vmscan.c, v7.2: what was there
    // when the run started is taken away; boost added during the run survives
    public static long BoostAfterRun(long boostNow, long boostAtStart) => boostNow - Math.Min(boostNow, boostAtStart);

    // mirrors pgdat_watermark_boosted(), mm/vmscan.c, v7.2
    public static bool PgdatWatermarkBoosted(IReadOnlyList<Zone> nodeZones, int highestZoneIdx)
    {
        for (var i = highestZoneIdx; i >= 0; i--)
        {
            if (nodeZones[i].IsPopulated && nodeZones[i].WatermarkBoost != 0)
            {
                return true;
            }
        }

        return false;
    }
}
