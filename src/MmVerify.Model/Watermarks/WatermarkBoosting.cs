using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;

namespace MmVerify.Model.Watermarks;

public static class WatermarkBoosting
{
    // mirrors boost_watermark(), mm/page_alloc.c, v7.2: one pageblock per fragmenting fallback,
    // up to watermark_boost_factor/10000 of the un-boosted HIGH
    public static bool BoostWatermark(Zone zone)
    {
        var factor = zone.Sysctls.WatermarkBoostFactor;
        if (factor == 0)
        {
            return false;
        }

        // Small zones (kdump kernels) would go OOM from a boost.
        var pageblock = zone.Geometry.PageblockNrPages;
        if (pageblock * 4L > zone.ManagedPages)
        {
            return false;
        }

        var maxBoost = MaxBoost(zone);
        if (maxBoost == 0)
        {
            return false;
        }

        zone.WatermarkBoost = Math.Min(zone.WatermarkBoost + pageblock, maxBoost);
        return true;
    }

    /// <summary>max(pageblock_nr_pages, mult_frac(_watermark[HIGH], factor, 10000)), or 0 before watermarks exist.</summary>
    public static long MaxBoost(Zone zone)
    {
        var maxBoost = KernelMath.MultFrac(zone.RawWatermark(WmarkIndex.High), zone.Sysctls.WatermarkBoostFactor, 10000);
        return maxBoost == 0 ? 0 : Math.Max(zone.Geometry.PageblockNrPages, maxBoost);
    }

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
