using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Compaction;

/// <summary>enum compact_priority: SYNC_FULL is the hardest, ASYNC the first attempt.</summary>
public enum CompactPriority
{
    SyncFull = 0,
    SyncLight = 1,
    Async = 2,
}

public static class DirectCompaction
{
    /// <summary>Compacts the node's zones for a request; the caller then retries the freelists.</summary>
    // mirrors try_to_compact_pages(), mm/compaction.c, v7.2 (no page capture)
    public static CompactResult TryToCompactPages(World world, int nid, GfpFlags gfp, int order, AllocFlags allocFlags, int highestZoneidx, CompactPriority priority, out long costNs)
    {
        costNs = 0;
        var best = CompactResult.Skipped;
        // gfp_compaction_allowed(): compaction may do I/O, so a caller without __GFP_IO is skipped. The slow
        // path's can_compact keeps compaction-first out for it, but not the attempt after reclaim.
        if (!world.Sysctls.CompactionEnabled || (gfp & GfpFlags.Io) == 0)
        {
            return best;
        }

        var zones = world.ZonesOf(nid);
        for (var z = Math.Min(highestZoneidx, zones.Count - 1); z >= 0; z--)
        {
            var zone = zones[z];
            if (!zone.IsPopulated)
            {
                continue;
            }

            if (priority > CompactPriority.SyncFull && world.Compaction[nid][z].Deferred(order))
            {
                best = Max(best, CompactResult.Deferred);
                continue;
            }

            var gate = CompactionSuitability.SuitAllocationOrder(world, zone, order, highestZoneidx, allocFlags, priority == CompactPriority.Async, kcompactd: false);
            if (gate != CompactResult.Continue)
            {
                best = Max(best, gate);
                continue;
            }

            var cc = new CompactControl
            {
                Nid = nid,
                ZoneIndex = z,
                Order = order,
                MigrateType = GfpRules.GfpMigratetype(gfp),
                AllocFlags = allocFlags,
                HighestZoneidx = highestZoneidx,
                Async = priority == CompactPriority.Async,
                Direct = true,
                IgnoreSkipHint = priority == CompactPriority.SyncFull,
            };
            var result = CompactZone.Run(world, cc);
            costNs += cc.CostNs;
            best = Max(best, result);
            if (result == CompactResult.Success)
            {
                world.Compaction[nid][z].Reset(order, allocSuccess: false);
                break;
            }

            if (priority != CompactPriority.Async && result is CompactResult.Complete or CompactResult.PartialSkipped)
            {
                world.Compaction[nid][z].Defer(order);
            }
        }

        return best;
    }

    private static CompactResult Max(CompactResult a, CompactResult b) => (CompactResult)Math.Max((int)a, (int)b);
}
