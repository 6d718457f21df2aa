using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Compaction;

/// <summary>
/// compact_zone() in outline (mm/compaction.c): a migrate scanner walks pageblocks up from the zone
/// start moving movable LRU folios into free pages that a free scanner takes from movable pageblocks
/// down from the zone end, until a suitable free block exists or the scanners meet. Skip hints,
/// cached scanner positions and THP migration are not modelled.
/// </summary>
public static class CompactZone
{
    // mirrors compact_zone(), mm/compaction.c, v7.2
    public static CompactResult Run(World world, CompactControl cc)
    {
        var zone = world.ZonesOf(cc.Nid)[cc.ZoneIndex];
        var pb = zone.Geometry.PageblockNrPages;
        var freeCursor = zone.SpannedPages;          // the free scanner works down from here
        var freeBlockStart = AlignDown(zone, freeCursor - 1);
        var comm = cc.Direct ? "compact" : World.KcompactdComm(cc.Nid);
        var pid = cc.Direct ? 0 : World.KcompactdPid(cc.Nid);
        Trace(world, new CompactionBeginEvent(world.NowNs, comm, pid, zone.StartPfn, zone.StartPfn, zone.StartPfn + zone.SpannedPages, zone.StartPfn + zone.SpannedPages, !cc.Async));

        var result = CompactResult.Continue;
        for (var block = AlignDown(zone, 0); result == CompactResult.Continue; block += pb)
        {
            // The scanners met: the whole zone was scanned.
            if (block + pb > freeBlockStart)
            {
                result = CompactResult.Complete;
                break;
            }

            if (SuitableMigrationSource(zone, block, cc))
            {
                MigrateBlock(world, zone, cc, block, ref freeCursor, ref freeBlockStart);
            }

            result = CompactFinished(world, zone, cc);
        }

        var status = result switch
        {
            CompactResult.Success => "success",
            CompactResult.Complete => "complete",
            _ => "partial_skipped",
        };
        Trace(world, new CompactionEndEvent(world.NowNs, comm, pid, zone.StartPfn, zone.StartPfn, zone.StartPfn + zone.SpannedPages, zone.StartPfn + zone.SpannedPages, !cc.Async, status));
        world.Vm.Count(VmEvent.CompactMigrateScanned, cc.MigrateScanned);
        world.Vm.Count(VmEvent.CompactFreeScanned, cc.FreeScanned);
        world.Vm.Count(VmEvent.CompactIsolated, cc.Migrated);
        world.Vm.Count(VmEvent.PgmigrateSuccess, cc.Migrated);
        cc.CostNs += (cc.MigrateScanned + cc.FreeScanned) * world.Costs.CompactScanPage + (cc.Migrated * world.Costs.MigratePage);
        return result;
    }

    // mirrors suitable_migration_source(), mm/compaction.c, v7.2: async direct compaction stays in compatible blocks
    private static bool SuitableMigrationSource(Zone zone, int block, CompactControl cc)
    {
        if (block < 0)
        {
            return false;
        }

        var mt = zone.PageblockMigratetypeOfPage(block);
        if (mt == MigrateType.Isolate)
        {
            return false;
        }

        if (!cc.Async || !cc.Direct)
        {
            return true;
        }

        return cc.MigrateType == MigrateType.Movable ? mt is MigrateType.Movable or MigrateType.Cma : mt == cc.MigrateType;
    }

    // mirrors isolate_migratepages_block() + migrate_pages(), mm/compaction.c and mm/migrate.c, v7.2, in outline
    private static void MigrateBlock(World world, Zone zone, CompactControl cc, int block, ref int freeCursor, ref int freeBlockStart)
    {
        var lru = world.Lru[cc.Nid];
        var end = block + zone.Geometry.PageblockNrPages;
        for (var i = block; i < end && i < freeBlockStart;)
        {
            var state = zone.StateAt(i);
            if (state is PageState.Reserved or PageState.Tail)
            {
                cc.MigrateScanned++;
                i++;
                continue;
            }

            var order = zone.OrderAt(i);
            cc.MigrateScanned += 1L << order;
            var folio = new FolioRef(cc.ZoneIndex, i);
            if (state == PageState.AllocatedHead && PageOwners.IsMigratable(zone.OwnerAt(i)) && order < zone.Geometry.PageblockOrder
                && lru.OnLru(folio) && lru.ListOf(folio) != LruList.Unevictable)
            {
                var target = IsolateFreeTarget(zone, cc, order, ref freeCursor, ref freeBlockStart, block);
                if (target < 0)
                {
                    return;
                }

                zone.SetOwner(target, zone.OwnerAt(i));
                lru.Migrate(folio, new FolioRef(cc.ZoneIndex, target));
                FolioOps.FreeBlock(world, cc.Nid, folio, order);
                cc.Migrated += 1L << order;
            }

            i += 1 << order;
        }
    }

    // mirrors isolate_freepages() + suitable_migration_target(), mm/compaction.c, v7.2: free pages come from
    // movable pageblocks at the top of the zone, never from whole free pageblocks
    private static int IsolateFreeTarget(Zone zone, CompactControl cc, int order, ref int freeCursor, ref int freeBlockStart, int migrateBlock)
    {
        var pb = zone.Geometry.PageblockNrPages;
        while (freeBlockStart > migrateBlock)
        {
            var start = Math.Max(freeBlockStart, 0);
            var mt = zone.PageblockMigratetypeOfPage(start);
            if (mt is MigrateType.Movable or MigrateType.Cma)
            {
                for (var i = Math.Max(start, 0); i < Math.Min(freeCursor, start + pb);)
                {
                    cc.FreeScanned++;
                    if (zone.StateAt(i) == PageState.FreeHead)
                    {
                        var o = zone.OrderAt(i);
                        if (o < zone.Geometry.PageblockOrder && o >= order && zone.IsolateFreeBlock(i, order, PageOwner.None))
                        {
                            return i;
                        }

                        i += 1 << o;
                        continue;
                    }

                    i += zone.StateAt(i) == PageState.AllocatedHead ? 1 << zone.OrderAt(i) : 1;
                }
            }

            freeBlockStart -= pb;
            freeCursor = freeBlockStart + pb;
        }

        return -1;
    }

    // mirrors __compact_finished(), mm/compaction.c, v7.2 (checked after each pageblock)
    private static CompactResult CompactFinished(World world, Zone zone, CompactControl cc)
    {
        if (world.Sysctls.DefragMode && !cc.Direct)
        {
            return WatermarkCheck.ZoneWatermarkOk(zone, cc.Order, zone.HighWmarkPages, cc.HighestZoneidx, cc.AllocFlags, zone.NrFreePagesBlocks)
                ? CompactResult.Success
                : CompactResult.Continue;
        }

        for (var o = cc.Order; o <= zone.Geometry.MaxPageOrder; o++)
        {
            if (zone.FreeListCount(o, cc.MigrateType) > 0)
            {
                return CompactResult.Success;
            }

            if (cc.MigrateType == MigrateType.Movable && zone.FreeListCount(o, MigrateType.Cma) > 0)
            {
                return CompactResult.Success;
            }

            if (zone.HasClaimableFallback(o, cc.MigrateType))
            {
                return CompactResult.Success;
            }
        }

        return CompactResult.Continue;
    }

    private static int AlignDown(Zone zone, int index)
    {
        var pfn = zone.PfnOf(index);
        var aligned = pfn & ~((long)zone.Geometry.PageblockNrPages - 1);
        return (int)(aligned - zone.StartPfn);
    }

    private static void Trace(World world, TraceEvent e)
    {
        if (world.Trace.Enabled)
        {
            world.Trace.Emit(e);
        }
    }
}
