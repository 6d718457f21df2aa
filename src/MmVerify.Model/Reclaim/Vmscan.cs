using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Gfp;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Lru;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Reclaim;

/// <summary>
/// shrink_node and the LRU scanning below it (mm/vmscan.c), in outline: list sizes shifted by
/// priority, file/anon split by swappiness, referenced folios activated, active lists aged when the
/// inactive list is low, reclaimable slab trimmed by priority. MGLRU is not modelled.
/// </summary>
public static class Vmscan
{
    /// <summary>vm.swappiness (default 60).</summary>
    public const int Swappiness = 60;

    public const int MaxReclaimRetries = 16;

    // mirrors shrink_node(), mm/vmscan.c, v7.2
    public static void ShrinkNode(World world, int nid, ScanControl sc)
    {
        var reclaimable = false;
        while (true)
        {
            var reclaimedBefore = sc.NrReclaimed;
            ShrinkNodeMemcgs(world, nid, sc);
            sc.CostNs += world.Costs.ShrinkNodeCall;
            var reclaimed = sc.NrReclaimed - reclaimedBefore;
            if (reclaimed > 0)
            {
                reclaimable = true;
            }

            if (!ShouldContinueReclaim(world, nid, reclaimed, sc))
            {
                break;
            }
        }

        if (reclaimable)
        {
            KswapdTryClearHopeless(world, nid, sc);
        }
    }

    // mirrors kswapd_try_clear_hopeless() (7.2) / the unconditional reset (6.12): the policy decides
    private static void KswapdTryClearHopeless(World world, int nid, ScanControl sc)
    {
        var state = world.Reclaim[nid];
        if (state.KswapdFailures == 0 || !world.Policy.HopelessReset.ShouldClear(world, nid, sc))
        {
            return;
        }

        var old = state.KswapdFailures;
        state.KswapdFailures = 0;
        if (world.Trace.Enabled)
        {
            var balanced = KswapdFunctions.PgdatBalanced(world, nid, sc.Order, sc.ReclaimIdx);
            var reason = sc.Reclaimer == Reclaimer.Kswapd ? HopelessClearReason.Kswapd : HopelessClearReason.Direct;
            world.Trace.Emit(new KswapdClearHopelessEvent(world.NowNs, sc.Comm, sc.Pid, nid, reason, old, balanced));
        }
    }

    // mirrors shrink_node_memcgs(), mm/vmscan.c, v7.2 (memory.min/low protection not modelled)
    private static void ShrinkNodeMemcgs(World world, int nid, ScanControl sc)
    {
        var lru = world.Lru[nid];
        for (var memcg = 0; memcg < lru.Lruvecs.Count; memcg++)
        {
            if (sc.TargetMemcg is { } target && target != memcg)
            {
                continue;
            }

            ShrinkLruvec(world, nid, memcg, sc);

            // Direct and memcg reclaim walk only until they have enough.
            if (sc.Reclaimer != Reclaimer.Kswapd && sc.NrReclaimed >= sc.NrToReclaim)
            {
                break;
            }
        }

        if (sc.TargetMemcg is null)
        {
            ShrinkSlab(world, nid, sc);
        }
    }

    private static bool CanReclaimAnon(World world, ScanControl sc) => sc.MaySwap && world.Swap.Enabled && world.Swap.HasRoom(1);

    // mirrors shrink_lruvec() + get_scan_count(), mm/vmscan.c, v7.2, in outline
    private static void ShrinkLruvec(World world, int nid, int memcg, ScanControl sc)
    {
        var lruvec = world.Lru[nid].Lruvec(memcg);
        var anon = CanReclaimAnon(world, sc);

        // With equal reclaim costs, SCAN_FRACT gives anon swappiness/200 and file (200-swappiness)/200.
        long Target(LruList list, int share) => (lruvec.Size(list) >> sc.Priority) * share / 200;

        var fileShare = anon ? 200 - Swappiness : 200;
        var anonShare = anon ? Swappiness : 0;
        if (anon && FileIsTiny(world, nid))
        {
            fileShare = 0;
            anonShare = 200;
        }

        if (sc.Priority == 0 && anon)
        {
            fileShare = anonShare = 200;
        }

        Span<long> nr =
        [
            Target(LruList.InactiveAnon, anonShare),
            Target(LruList.ActiveAnon, anonShare),
            Target(LruList.InactiveFile, fileShare),
            Target(LruList.ActiveFile, fileShare),
        ];

        while (nr[0] > 0 || nr[2] > 0 || nr[3] > 0)
        {
            for (var l = 0; l < 4; l++)
            {
                if (nr[l] == 0)
                {
                    continue;
                }

                var batch = Math.Min(nr[l], ScanControl.SwapClusterMax);
                nr[l] -= batch;
                ShrinkList(world, nid, memcg, (LruList)l, batch, sc);
            }

            // Proportional-scan adjustment for kswapd is not modelled: everyone stops at the target.
            if (sc.NrReclaimed >= sc.NrToReclaim)
            {
                break;
            }
        }

        // Keep the anon inactive list populated for the next round.
        if (anon && InactiveIsLow(lruvec, LruList.InactiveAnon))
        {
            ShrinkActiveList(world, nid, memcg, LruList.ActiveAnon, ScanControl.SwapClusterMax, sc);
        }
    }

    // mirrors prepare_scan_count()'s file_is_tiny: the file cache plus free pages cannot reach the high watermarks
    private static bool FileIsTiny(World world, int nid)
    {
        long free = 0, high = 0;
        foreach (var zone in world.ZonesOf(nid))
        {
            free += zone.NrFreePages;
            high += zone.HighWmarkPages;
        }

        var lru = world.Lru[nid];
        var file = lru.NodeSize(LruList.InactiveFile) + lru.NodeSize(LruList.ActiveFile);
        return file + free <= high && lru.NodeSize(LruList.InactiveAnon) > 0;
    }

    // mirrors shrink_list(), mm/vmscan.c, v7.2
    private static void ShrinkList(World world, int nid, int memcg, LruList list, long nrToScan, ScanControl sc)
    {
        var lruvec = world.Lru[nid].Lruvec(memcg);
        if (LruLists.IsActive(list))
        {
            var inactive = list == LruList.ActiveAnon ? LruList.InactiveAnon : LruList.InactiveFile;
            if (InactiveIsLow(lruvec, inactive))
            {
                ShrinkActiveList(world, nid, memcg, list, nrToScan, sc);
            }

            return;
        }

        ShrinkInactiveList(world, nid, memcg, list, nrToScan, sc);
    }

    // mirrors inactive_is_low(), mm/vmscan.c, v7.2: inactive * sqrt(10 * GB) < active
    public static bool InactiveIsLow(Lruvec lruvec, LruList inactiveList)
    {
        var activeList = inactiveList == LruList.InactiveAnon ? LruList.ActiveAnon : LruList.ActiveFile;
        var inactive = lruvec.Size(inactiveList);
        var active = lruvec.Size(activeList);
        var gb = (inactive + active) >> 18;
        var ratio = gb > 0 ? (long)KernelMath.IntSqrt((ulong)(10 * gb)) : 1;
        return inactive * ratio < active;
    }

    // mirrors shrink_inactive_list() + shrink_folio_list(), mm/vmscan.c, v7.2, in outline
    private static void ShrinkInactiveList(World world, int nid, int memcg, LruList list, long nrToScan, ScanControl sc)
    {
        var lru = world.Lru[nid];
        var isFile = list == LruList.InactiveFile;
        long scanned = 0, reclaimed = 0;
        var kswapd = sc.Reclaimer == Reclaimer.Kswapd;

        while (scanned < nrToScan && lru.TailOf(memcg, list) is { } folio)
        {
            var pages = 1L << lru.OrderOf(folio);
            scanned += pages;
            var flags = lru.FlagsOf(folio);

            if ((flags & LruFlags.Referenced) != 0)
            {
                // Recently used: promote. A re-dirtied MADV_FREE page is ordinary anon again.
                lru.ClearFlags(folio, LruFlags.Referenced | LruFlags.LazyFree);
                var target = isFile && (flags & LruFlags.LazyFree) == 0 ? LruList.ActiveFile : LruList.ActiveAnon;
                lru.Move(folio, target);
                world.Vm.Count(VmEvent.Pgactivate, pages);
                continue;
            }

            if ((flags & LruFlags.Dirty) != 0)
            {
                // Only kswapd writes back file pages, and not while boosted; the page stays until clean.
                if (kswapd && sc.MayWritepage)
                {
                    lru.ClearFlags(folio, LruFlags.Dirty);
                }

                lru.Move(folio, list);
                world.Vm.Count(VmEvent.Pgrotated, pages);
                continue;
            }

            if (!isFile && !CanReclaimAnon(world, sc))
            {
                lru.Move(folio, LruList.ActiveAnon);
                world.Vm.Count(VmEvent.Pgactivate, pages);
                continue;
            }

            if (!isFile)
            {
                world.Swap.UsedPages += pages;
                world.Vm.Count(VmEvent.Pswpout, pages);
            }

            FolioOps.Reclaim(world, nid, folio);
            reclaimed += pages;
        }

        sc.NrScanned += scanned;
        sc.NrReclaimed += reclaimed;
        sc.CostNs += (scanned * world.Costs.ScanPage) + (reclaimed * world.Costs.ReclaimPage);
        world.Vm.Count(kswapd ? VmEvent.PgscanKswapd : VmEvent.PgscanDirect, scanned);
        world.Vm.Count(kswapd ? VmEvent.PgstealKswapd : VmEvent.PgstealDirect, reclaimed);
        world.Vm.Count(isFile ? VmEvent.PgscanFile : VmEvent.PgscanAnon, scanned);
        world.Vm.Count(isFile ? VmEvent.PgstealFile : VmEvent.PgstealAnon, reclaimed);
    }

    // mirrors shrink_active_list(), mm/vmscan.c, v7.2: deactivate from the tail, forgetting references
    private static void ShrinkActiveList(World world, int nid, int memcg, LruList list, long nrToScan, ScanControl sc)
    {
        var lru = world.Lru[nid];
        var inactive = list == LruList.ActiveAnon ? LruList.InactiveAnon : LruList.InactiveFile;
        long scanned = 0;
        while (scanned < nrToScan && lru.TailOf(memcg, list) is { } folio)
        {
            var pages = 1L << lru.OrderOf(folio);
            scanned += pages;
            lru.ClearFlags(folio, LruFlags.Referenced);
            lru.Move(folio, inactive);
            world.Vm.Count(VmEvent.Pgdeactivate, pages);
        }

        sc.CostNs += scanned * world.Costs.ScanPage / 4;
    }

    // mirrors shrink_slab() -> do_shrink_slab(), mm/shrinker.c, v7.2: scan (freeable >> priority) * 4 / seeks
    private static void ShrinkSlab(World world, int nid, ScanControl sc)
    {
        var lru = world.Lru[nid];
        for (var memcg = 0; memcg < lru.Lruvecs.Count; memcg++)
        {
            var freeable = lru.Lruvec(memcg).Size(LruList.Slab);
            var toScan = (freeable >> sc.Priority) * 4 / 2;
            long scanned = 0, freed = 0;
            while (scanned < toScan && lru.TailOf(memcg, LruList.Slab) is { } folio)
            {
                var pages = 1L << lru.OrderOf(folio);
                scanned += pages;
                if ((lru.FlagsOf(folio) & LruFlags.Referenced) != 0)
                {
                    lru.ClearFlags(folio, LruFlags.Referenced);
                    lru.Move(folio, LruList.Slab);
                    continue;
                }

                FolioOps.Reclaim(world, nid, folio);
                freed += pages;
            }

            world.Vm.Count(VmEvent.SlabsScanned, scanned);
            sc.NrReclaimed += freed;
            sc.CostNs += scanned * world.Costs.ScanPage;
        }
    }

    // mirrors should_continue_reclaim(), mm/vmscan.c, v7.2
    private static bool ShouldContinueReclaim(World world, int nid, long reclaimedThisPass, ScanControl sc)
    {
        var inReclaimCompaction = sc.Order > 0 && (sc.Order > BuddyGeometry.CostlyOrder || sc.Priority < ScanControl.DefPriority - 2);
        if (!inReclaimCompaction || reclaimedThisPass == 0)
        {
            return false;
        }

        var zones = world.ZonesOf(nid);
        for (var z = 0; z <= sc.ReclaimIdx && z < zones.Count; z++)
        {
            var zone = zones[z];
            if (!zone.IsPopulated)
            {
                continue;
            }

            if (WatermarkCheck.ZoneWatermarkOk(zone, sc.Order, zone.MinWmarkPages, sc.ReclaimIdx, AllocFlags.None))
            {
                return false;
            }

            if (CompactionSuitability.CompactionSuitable(world, zone, sc.Order, zone.MinWmarkPages, sc.ReclaimIdx))
            {
                return false;
            }
        }

        var lru = world.Lru[nid];
        var inactive = lru.NodeSize(LruList.InactiveFile);
        if (CanReclaimAnon(world, sc))
        {
            inactive += lru.NodeSize(LruList.InactiveAnon);
        }

        return inactive > world.Policy.CompactGap.CompactGap(sc.Order);
    }
}
