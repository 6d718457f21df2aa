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
    // mirrors compact_zone(), mm/compaction.c, v7.2: scanners resume where the last run left them and
    // skip pageblocks that yielded nothing before (PB_migrate_skip), unless this is a full sync run
    public static CompactResult Run(World world, CompactControl cc)
    {
        var zone = world.ZonesOf(cc.Nid)[cc.ZoneIndex];
        var state = world.Compaction[cc.Nid][cc.ZoneIndex];
        var pb = zone.Geometry.PageblockNrPages;
        state.Skip ??= new bool[zone.PageblockCount];
        if (state.Restarting(cc.Order))
        {
            state.ResetIsolationSuitable();
        }

        var zoneStart = AlignDown(zone, 0);
        var lastBlock = AlignDown(zone, zone.SpannedPages - 1);
        var sync = cc.Async ? 0 : 1;
        var migrateStart = state.CachedMigrate[sync];
        var freeStart = state.CachedFree;
        if (migrateStart < zoneStart || migrateStart > lastBlock)
        {
            migrateStart = zoneStart;
        }

        if (freeStart < zoneStart || freeStart > lastBlock)
        {
            freeStart = lastBlock;
        }

        // compact_zone(): whole_zone when the migrate scanner starts at compact_init_migrate_pfn (the zone
        // start here); where the free scanner resumes does not matter.
        var wholeZone = cc.IgnoreSkipHint || migrateStart == zoneStart;
        if (cc.IgnoreSkipHint)
        {
            migrateStart = zoneStart;
            freeStart = lastBlock;
        }

        var scan = new Scanners(freeStart, Math.Min(freeStart + pb, zone.SpannedPages));
        var comm = cc.Direct ? "compact" : World.KcompactdComm(cc.Nid);
        var pid = cc.Direct ? 0 : World.KcompactdPid(cc.Nid);
        Trace(world, new CompactionBeginEvent(world.NowNs, comm, pid, zone.StartPfn, zone.PfnOf(Math.Max(0, migrateStart)), zone.PfnOf(Math.Max(0, freeStart)), zone.StartPfn + zone.SpannedPages, !cc.Async));

        var result = CompactResult.Continue;
        for (var block = migrateStart; result == CompactResult.Continue; block += pb)
        {
            // The scanners met: next time starts afresh; a direct run asks kswapd to clear the hints.
            if (block + pb > scan.FreeBlockStart)
            {
                state.CachedMigrate[0] = state.CachedMigrate[1] = -1;
                state.CachedFree = -1;
                if (cc.Direct)
                {
                    state.BlockskipFlush = true;
                }

                result = wholeZone ? CompactResult.Complete : CompactResult.PartialSkipped;
                break;
            }

            // The skip hint is read (and set below) only from a pageblock-aligned start, so never for the
            // zone's partial first pageblock (isolate_migratepages(), isolate_migratepages_block()).
            var skip = block >= 0 && !cc.IgnoreSkipHint && state.Skip[zone.PageblockOf(block)];
            // A block skipped for its hint is left with a plain continue, the cached position stays; an
            // unsuitable source is passed over (update_cached_migrate(cc, block_end_pfn)).
            var passOver = !skip;
            if (!skip && SuitableMigrationSource(zone, block, cc))
            {
                var before = cc.Migrated;
                if (!MigrateBlock(world, zone, cc, state, block, ref scan))
                {
                    // The free scanner ran dry: give up this run where it is.
                    result = CompactResult.PartialSkipped;
                }

                passOver = cc.Migrated == before;
                if (passOver && block >= 0)
                {
                    state.Skip[zone.PageblockOf(block)] = true;
                }
            }

            // update_cached_migrate(): the next run resumes after a block that isolated nothing (or was not
            // scanned); a block pages were taken from is scanned again.
            if (passOver)
            {
                state.CachedMigrate[0] = Math.Max(state.CachedMigrate[0], block + pb);
                if (!cc.Async)
                {
                    state.CachedMigrate[1] = Math.Max(state.CachedMigrate[1], block + pb);
                }
            }

            if (result == CompactResult.Continue)
            {
                result = CompactFinished(world, zone, cc);
            }
        }

        var status = result switch
        {
            CompactResult.Success => "success",
            CompactResult.Complete => "complete",
            _ => "partial_skipped",
        };
        Trace(world, new CompactionEndEvent(world.NowNs, comm, pid, zone.StartPfn, zone.PfnOf(Math.Max(0, migrateStart)), zone.PfnOf(Math.Max(0, scan.FreeBlockStart)), zone.StartPfn + zone.SpannedPages, !cc.Async, status));
        world.Vm.Count(VmEvent.CompactMigrateScanned, cc.MigrateScanned);
        world.Vm.Count(VmEvent.CompactFreeScanned, cc.FreeScanned);
        world.Vm.Count(VmEvent.CompactIsolated, cc.Migrated);
        world.Vm.Count(VmEvent.PgmigrateSuccess, cc.Migrated);
        cc.CostNs += ((cc.MigrateScanned + cc.FreeScanned) * world.Costs.CompactScanPage) + (cc.Migrated * world.Costs.MigratePage);
        return result;
    }

    /// <summary>The free scanner's position: the pageblock it works in and where in it it goes on.</summary>
    private struct Scanners(int freeBlockStart, int freeCursor)
    {
        public int FreeBlockStart = freeBlockStart;
        public int FreeCursor = freeCursor;
    }

    // mirrors suitable_migration_source(), mm/compaction.c, v7.2: async direct compaction stays in compatible blocks
    private static bool SuitableMigrationSource(Zone zone, int block, CompactControl cc)
    {
        // A negative block is the zone's partial first pageblock: isolate_migratepages() clamps its start to
        // zone_start_pfn and scans it; its type is that of the pageblock holding the zone start.
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
    private static bool MigrateBlock(World world, Zone zone, CompactControl cc, ZoneCompactionState state, int block, ref Scanners scan)
    {
        var lru = world.Lru[cc.Nid];
        var end = block + zone.Geometry.PageblockNrPages;
        for (var i = Math.Max(block, 0); i < end && i < scan.FreeBlockStart;)
        {
            var pageState = zone.StateAt(i);
            if (pageState is PageState.Reserved or PageState.Tail)
            {
                cc.MigrateScanned++;
                i++;
                continue;
            }

            var order = zone.OrderAt(i);
            cc.MigrateScanned += 1L << order;
            var folio = new FolioRef(cc.ZoneIndex, i);
            if (pageState == PageState.AllocatedHead && PageOwners.IsMigratable(zone.OwnerAt(i)) && order < zone.Geometry.PageblockOrder
                && lru.OnLru(folio) && lru.ListOf(folio) != LruList.Unevictable)
            {
                var target = IsolateFreeTarget(zone, cc, state, order, ref scan, block);
                if (target < 0)
                {
                    return false;
                }

                zone.SetOwner(target, zone.OwnerAt(i));
                lru.Migrate(folio, new FolioRef(cc.ZoneIndex, target));
                FolioOps.FreeBlock(world, cc.Nid, folio, order);
                cc.Migrated += 1L << order;
            }

            i += 1 << order;
        }

        return true;
    }

    // mirrors isolate_freepages() + suitable_migration_target(), mm/compaction.c, v7.2: free pages come from
    // movable pageblocks at the top of the zone, never from whole free pageblocks; a block that gives
    // nothing is marked to be skipped
    private static int IsolateFreeTarget(Zone zone, CompactControl cc, ZoneCompactionState state, int order, ref Scanners scan, int migrateBlock)
    {
        var pb = zone.Geometry.PageblockNrPages;
        while (scan.FreeBlockStart > migrateBlock)
        {
            var start = Math.Max(scan.FreeBlockStart, 0);
            var pageblock = zone.PageblockOf(start);
            var mt = zone.PageblockMigratetypeOfPage(start);
            if ((cc.IgnoreSkipHint || !state.Skip![pageblock]) && mt is MigrateType.Movable or MigrateType.Cma)
            {
                for (var i = Math.Max(start, scan.FreeCursor - pb); i < Math.Min(scan.FreeCursor, start + pb);)
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

                if (!cc.IgnoreSkipHint)
                {
                    state.Skip![pageblock] = true;
                }
            }

            // update_pageblock_skip(): free scanning resumes below this block next time.
            scan.FreeBlockStart -= pb;
            scan.FreeCursor = scan.FreeBlockStart + pb;
            state.CachedFree = scan.FreeBlockStart;
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
