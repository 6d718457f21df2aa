using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Compaction;

/// <summary>Whether compaction can help a zone (mm/compaction.c, mm/vmstat.c).</summary>
public static class CompactionSuitability
{
    /// <summary>sysctl vm.extfrag_threshold (default 500).</summary>
    public const int ExtfragThreshold = 500;

    // mirrors __compaction_suitable(), mm/compaction.c, v7.2: an order-0 check at watermark + compact_gap
    public static bool CompactionSuitableFree(World world, Zone zone, int order, long watermark, int highestZoneidx, long freePages)
    {
        var w = watermark + world.Policy.CompactGap.CompactGap(order);
        if (order > BuddyGeometry.CostlyOrder)
        {
            w += zone.RawWatermark(WmarkIndex.Low) - zone.RawWatermark(WmarkIndex.Min);
        }

        return WatermarkCheck.ZoneWatermarkOk(zone, 0, w, highestZoneidx, AllocFlags.Cma, freePages);
    }

    // mirrors compaction_suitable(), mm/compaction.c, v7.2: enough memory, and the failure is fragmentation
    public static bool CompactionSuitable(World world, Zone zone, int order, long watermark, int highestZoneidx)
    {
        if (!CompactionSuitableFree(world, zone, order, watermark, highestZoneidx, zone.NrFreePages))
        {
            return false;
        }

        if (order > BuddyGeometry.CostlyOrder)
        {
            var fragindex = FragmentationIndex(zone, order);
            if (fragindex >= 0 && fragindex <= ExtfragThreshold)
            {
                return false;
            }
        }

        return true;
    }

    // mirrors __fragmentation_index(), mm/vmstat.c, v7.2: near 0 lack of memory, near 1000 fragmentation, -1000 a block exists
    public static long FragmentationIndex(Zone zone, int order)
    {
        long total = 0, free = 0, suitable = 0;
        for (var o = 0; o <= zone.Geometry.MaxPageOrder; o++)
        {
            var blocks = zone.NrFree(o);
            total += blocks;
            free += blocks << o;
            if (o >= order)
            {
                suitable += blocks << (o - order);
            }
        }

        if (total == 0)
        {
            return 0;
        }

        if (suitable > 0)
        {
            return -1000;
        }

        return 1000 - ((1000 + (free * 1000 / (1L << order))) / total);
    }

    // mirrors extfrag_for_order(), mm/vmstat.c, v7.2: percent of free memory in blocks smaller than the order
    public static long ExtfragForOrder(Zone zone, int order)
    {
        long free = 0, suitable = 0;
        for (var o = 0; o <= zone.Geometry.MaxPageOrder; o++)
        {
            free += zone.NrFree(o) << o;
            if (o >= order)
            {
                suitable += zone.NrFree(o) << (o - order);
            }
        }

        return free == 0 ? 0 : (free - (suitable << order)) * 100 / free;
    }

    // mirrors compaction_suit_allocation_order(), mm/compaction.c, v7.2
    public static CompactResult SuitAllocationOrder(World world, Zone zone, int order, int highestZoneidx, AllocFlags allocFlags, bool async, bool kcompactd)
    {
        var free = kcompactd && world.Sysctls.DefragMode ? zone.NrFreePagesBlocks : zone.NrFreePages;
        var watermark = zone.WmarkPages(AllocMask.Watermark(allocFlags));
        if (WatermarkCheck.ZoneWatermarkOk(zone, order, watermark, highestZoneidx, allocFlags, free))
        {
            return CompactResult.Success;
        }

        // Async costly compaction without CMA must find the memory outside CMA pageblocks.
        if (order > BuddyGeometry.CostlyOrder && async && (allocFlags & AllocFlags.Cma) == 0
            && !WatermarkCheck.ZoneWatermarkOk(zone, 0, watermark + world.Policy.CompactGap.CompactGap(order), highestZoneidx, AllocFlags.None, zone.NrFreePages))
        {
            return CompactResult.Skipped;
        }

        return CompactionSuitable(world, zone, order, watermark, highestZoneidx) ? CompactResult.Continue : CompactResult.Skipped;
    }
}
