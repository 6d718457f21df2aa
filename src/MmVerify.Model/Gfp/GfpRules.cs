using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Gfp;

/// <summary>How gfp flags map to migratetypes, zones and alloc flags.</summary>
public static class GfpRules
{
    // mirrors gfp_migratetype(), include/linux/gfp.h, v7.2
    public static MigrateType GfpMigratetype(GfpFlags gfp, bool pageGroupByMobilityDisabled = false)
    {
        if (pageGroupByMobilityDisabled)
        {
            return MigrateType.Unmovable;
        }

        if ((gfp & GfpFlags.Movable) != 0)
        {
            return MigrateType.Movable;
        }

        return (gfp & GfpFlags.Reclaimable) != 0 ? MigrateType.Reclaimable : MigrateType.Unmovable;
    }

    // mirrors gfp_zone(), include/linux/gfp.h, v7.2 (x86_64 without HIGHMEM: __GFP_HIGHMEM alone means NORMAL)
    public static ZoneKind GfpZone(GfpFlags gfp)
    {
        if ((gfp & GfpFlags.Dma) != 0)
        {
            return ZoneKind.Dma;
        }

        if ((gfp & GfpFlags.Dma32) != 0)
        {
            return ZoneKind.Dma32;
        }

        if ((gfp & GfpFlags.Movable) != 0 && (gfp & GfpFlags.HighMem) != 0)
        {
            return ZoneKind.Movable;
        }

        return ZoneKind.Normal;
    }

    // mirrors gfp_to_alloc_flags(), mm/page_alloc.c, v7.2
    // The RT/deadline-task rule (ALLOC_MIN_RESERVE for realtime task context) is an input: rtTask.
    public static AllocFlags GfpToAllocFlags(GfpFlags gfp, int order, bool defragMode, bool rtTask = false)
    {
        var flags = AllocFlags.WmarkMin | AllocFlags.Cpuset;

        // __GFP_HIGH and __GFP_KSWAPD_RECLAIM map 1:1 to ALLOC_MIN_RESERVE and ALLOC_KSWAPD.
        flags |= (AllocFlags)(uint)(gfp & (GfpFlags.High | GfpFlags.KswapdReclaim));

        if ((gfp & GfpFlags.DirectReclaim) == 0)
        {
            // Not blocking: may dip into reserves unless the caller forbade it.
            if ((gfp & GfpFlags.NoMemAlloc) == 0)
            {
                flags |= AllocFlags.NonBlock;
                if (order > 0 && (flags & AllocFlags.MinReserve) != 0)
                {
                    flags |= AllocFlags.HighAtomic;
                }
            }

            // Atomic allocations ignore the cpuset.
            if ((flags & AllocFlags.MinReserve) != 0)
            {
                flags &= ~AllocFlags.Cpuset;
            }
        }
        else if (rtTask)
        {
            flags |= AllocFlags.MinReserve;
        }

        if (GfpMigratetype(gfp) == MigrateType.Movable)
        {
            flags |= AllocFlags.Cma;
        }

        if (defragMode)
        {
            flags |= AllocFlags.NoFragment;
        }

        return flags;
    }
}
