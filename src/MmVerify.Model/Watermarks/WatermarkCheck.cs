using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;

namespace MmVerify.Model.Watermarks;

/// <summary>The watermark checks of mm/page_alloc.c.</summary>
public static class WatermarkCheck
{
    // mirrors __zone_watermark_unusable_free(), mm/page_alloc.c, v7.2 (free highatomic, as 6.12+; 6.1 used the reserved count)
    public static long ZoneWatermarkUnusableFree(Zone zone, int order, AllocFlags allocFlags) =>
        UnusableFree(order, allocFlags, zone.NrFreeHighatomic, zone.NrFreeCmaPages);

    // mirrors __zone_watermark_unusable_free(), mm/page_alloc.c, v7.2, on the zone's counters as numbers
    public static long UnusableFree(int order, AllocFlags allocFlags, long nrFreeHighatomic, long nrFreeCmaPages)
    {
        var unusable = (1L << order) - 1;

        // Without rights to the reserves, the free highatomic pages are not usable.
        if ((allocFlags & AllocMask.Reserves) == 0)
        {
            unusable += nrFreeHighatomic;
        }

        // Requests that cannot use CMA cannot count its free pages.
        if ((allocFlags & AllocFlags.Cma) == 0)
        {
            unusable += nrFreeCmaPages;
        }

        return unusable;
    }

    // The mark after the reserves a request may dip into, as __zone_watermark_ok() lowers it (v7.2).
    public static long ReservedMin(long mark, AllocFlags allocFlags)
    {
        var min = mark;
        if ((allocFlags & AllocMask.Reserves) != 0)
        {
            // __GFP_HIGH gets half of the min reserve; non-blocking __GFP_HIGH (GFP_ATOMIC) a quarter more.
            if ((allocFlags & AllocFlags.MinReserve) != 0)
            {
                min -= min / 2;
                if ((allocFlags & AllocFlags.NonBlock) != 0)
                {
                    min -= min / 4;
                }
            }

            // OOM victims are on their way out and will free memory.
            if ((allocFlags & AllocFlags.Oom) != 0)
            {
                min -= min / 2;
            }
        }

        return min;
    }

    // mirrors __zone_watermark_ok(), mm/page_alloc.c, v7.2
    public static bool ZoneWatermarkOk(Zone zone, int order, long mark, int highestZoneIdx, AllocFlags allocFlags, long freePages) =>
        WatermarkOk(zone, order, mark, zone.LowmemReserve[highestZoneIdx], allocFlags, freePages, zone.NrFreeHighatomic, zone.NrFreeCmaPages);

    // mirrors __zone_watermark_ok(), mm/page_alloc.c, v7.2, on numbers and a view of the free areas
    public static bool WatermarkOk<TAreas>(TAreas areas, int order, long mark, long lowmemReserve, AllocFlags allocFlags, long freePages, long nrFreeHighatomic, long nrFreeCmaPages)
        where TAreas : IFreeAreaView
    {
        var min = ReservedMin(mark, allocFlags);

        // free_pages may go negative; that is fine.
        freePages -= UnusableFree(order, allocFlags, nrFreeHighatomic, nrFreeCmaPages);

        // Order-0 first: if this fails, a high-order request cannot go ahead either.
        if (freePages <= min + lowmemReserve)
        {
            return false;
        }

        if (order == 0)
        {
            return true;
        }

        // A high-order request also needs one suitable free block, of any mergeable type.
        for (var o = order; o <= areas.MaxPageOrder; o++)
        {
            if (areas.NrFree(o) == 0)
            {
                continue;
            }

            for (var mt = 0; mt < MigrateTypes.PcpTypes; mt++)
            {
                if (!areas.FreeAreaEmpty(o, (MigrateType)mt))
                {
                    return true;
                }
            }

            if ((allocFlags & AllocFlags.Cma) != 0 && !areas.FreeAreaEmpty(o, MigrateType.Cma))
            {
                return true;
            }

            if ((allocFlags & (AllocFlags.HighAtomic | AllocFlags.Oom)) != 0 && !areas.FreeAreaEmpty(o, MigrateType.HighAtomic))
            {
                return true;
            }
        }

        return false;
    }

    // mirrors zone_watermark_ok(), mm/page_alloc.c, v7.2
    public static bool ZoneWatermarkOk(Zone zone, int order, long mark, int highestZoneIdx, AllocFlags allocFlags) =>
        ZoneWatermarkOk(zone, order, mark, highestZoneIdx, allocFlags, zone.NrFreePages);

    private static readonly Variants.IgnoreBoostAtMinForHighOrder0 Mainline = new();

    // mirrors zone_watermark_fast(), mm/page_alloc.c, v7.2
    public static bool ZoneWatermarkFast(Zone zone, int order, long mark, int highestZoneIdx, AllocFlags allocFlags) =>
        ZoneWatermarkFast(zone, order, mark, highestZoneIdx, allocFlags, Mainline);

    // mirrors zone_watermark_fast(), mm/page_alloc.c, v7.2, with the boost exception as a policy (before v5.9 there was none)
    public static bool ZoneWatermarkFast(Zone zone, int order, long mark, int highestZoneIdx, AllocFlags allocFlags, Variants.IAtomicMinBoostPolicy atomicMinBoost) =>
        WatermarkFast(zone, order, mark, zone.RawWatermark(WmarkIndex.Min), zone.WatermarkBoost, zone.LowmemReserve[highestZoneIdx], allocFlags,
            zone.NrFreePages, zone.NrFreeHighatomic, zone.NrFreeCmaPages, atomicMinBoost);

    // mirrors zone_watermark_fast(), mm/page_alloc.c, v7.2, on numbers and a view of the free areas (the SMT encoding's form)
    public static bool WatermarkFast<TAreas>(TAreas areas, int order, long mark, long rawMin, long boost, long lowmemReserve, AllocFlags allocFlags, long freePages, long nrFreeHighatomic, long nrFreeCmaPages, Variants.IAtomicMinBoostPolicy atomicMinBoost)
        where TAreas : IFreeAreaView
    {
        ArgumentNullException.ThrowIfNull(atomicMinBoost);

        // Order-0 quick accept against the full mark; the reserve estimate may overshoot.
        if (order == 0)
        {
            var reserved = UnusableFree(0, allocFlags, nrFreeHighatomic, nrFreeCmaPages);
            var usable = freePages - Math.Min(freePages, reserved);
            if (usable > mark + lowmemReserve)
            {
                return true;
            }
        }

        if (WatermarkOk(areas, order, mark, lowmemReserve, allocFlags, freePages, nrFreeHighatomic, nrFreeCmaPages))
        {
            return true;
        }

        // __GFP_HIGH order-0 requests ignore the boost at the min watermark, so kswapd is still
        // woken below low while atomic requests are not failed by a boost.
        if (boost != 0 && atomicMinBoost.IgnoresBoost(order, allocFlags))
        {
            return WatermarkOk(areas, order, rawMin, lowmemReserve, allocFlags, freePages, nrFreeHighatomic, nrFreeCmaPages);
        }

        return false;
    }
}
