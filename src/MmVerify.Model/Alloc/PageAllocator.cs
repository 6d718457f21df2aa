using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Gfp;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Alloc;

/// <summary>
/// The page allocator's entry, fast path and slow path (mm/page_alloc.c, v7.2) as far as reclaim is
/// concerned: watermark checks per zone, kswapd wakeups, direct reclaim and compaction, retries,
/// OOM and failure. Per-CPU lists, cpusets, dirty limits and node_reclaim are not modelled.
/// </summary>
public static class PageAllocator
{
    /// <summary>The model gives up on a slow path that loops this often (the kernel would loop forever).</summary>
    public const int LivelockRetries = 200;

    // mirrors __alloc_frozen_pages_noprof(), mm/page_alloc.c, v7.2
    public static AllocOutcome Alloc(World world, AllocRequest request)
    {
        long cost = world.Costs.AllocFastPath;
        if (request.Order > world.Machine.Geometry.MaxPageOrder)
        {
            return AllocOutcome.Failed(cost);
        }

        var nid = request.Task.Node;
        var flags = AllocFlags.WmarkLow | AllocFlagsNofragment(world, nid, request.Gfp);
        if (GfpRules.GfpMigratetype(request.Gfp) == MigrateType.Movable)
        {
            flags |= AllocFlags.Cma;
        }

        var outcome = GetPageFromFreelist(world, request, flags);
        if (outcome.Succeeded)
        {
            return outcome with { CostNs = cost };
        }

        return SlowPath(world, request, cost);
    }

    // mirrors alloc_flags_nofragment(), mm/page_alloc.c, v7.2
    private static AllocFlags AllocFlagsNofragment(World world, int nid, GfpFlags gfp)
    {
        var flags = (AllocFlags)(uint)(gfp & GfpFlags.KswapdReclaim);
        if (world.Sysctls.DefragMode)
        {
            return flags | AllocFlags.NoFragment;
        }

        // Prefer not to fragment NORMAL while DMA32 could serve: only a preference, dropped on failure.
        var zones = world.ZonesOf(nid);
        if (zones[Zonelist.HighestZoneIndex(world, nid, gfp)].Kind != Topology.ZoneKind.Normal)
        {
            return flags;
        }

        for (var z = 0; z < zones.Count; z++)
        {
            if (zones[z].Kind == Topology.ZoneKind.Dma32 && (world.Nodes.Count == 1 || zones[z].IsPopulated))
            {
                return flags | AllocFlags.NoFragment;
            }
        }

        return flags;
    }

    // mirrors get_page_from_freelist(), mm/page_alloc.c, v7.2
    private static AllocOutcome GetPageFromFreelist(World world, AllocRequest request, AllocFlags flags)
    {
        var task = request.Task;
        var mt = GfpRules.GfpMigratetype(request.Gfp, world.Sysctls.PageGroupByMobilityDisabled);
        var skipBusyKswapd = world.Nodes.Count > 1;
        while (true)
        {
            var skippedBusy = false;
            var restart = false;
            for (var n = 0; n < Zonelist.NodeCount(world, task.Bound); n++)
            {
                var nid = Zonelist.NodeAt(task.Node, n);

                // Remote nodes are tried only once fragmentation avoidance is given up (without defrag_mode).
                if ((flags & AllocFlags.NoFragment) != 0 && !world.Sysctls.DefragMode && nid != task.Node)
                {
                    flags &= ~AllocFlags.NoFragment;
                    restart = true;
                    break;
                }

                // 7.x: on the first pass leave nodes whose kswapd is busy reclaiming.
                if (skipBusyKswapd && nid != task.Node && !world.Reclaim[nid].KswapdWaiting)
                {
                    skippedBusy = true;
                    continue;
                }

                var zones = world.ZonesOf(nid);
                var highest = Zonelist.HighestZoneIndex(world, nid, request.Gfp);
                for (var z = highest; z >= 0; z--)
                {
                    var zone = zones[z];
                    if (!zone.IsPopulated)
                    {
                        continue;
                    }

                    // A zone above high is allocated from at once; otherwise it is marked ZONE_BELOW_HIGH.
                    var aboveHigh = false;
                    if ((zone.Flags & ZoneFlags.BelowHigh) == 0)
                    {
                        aboveHigh = WatermarkCheck.ZoneWatermarkFast(zone, request.Order, zone.HighWmarkPages, highest, flags, world.Policy.AtomicMinBoost);
                        if (!aboveHigh)
                        {
                            zone.Flags |= ZoneFlags.BelowHigh;
                        }
                    }

                    var mark = zone.WmarkPages(AllocMask.Watermark(flags));
                    if (!aboveHigh && (flags & AllocFlags.NoWatermarks) == 0
                        && !WatermarkCheck.ZoneWatermarkFast(zone, request.Order, mark, highest, flags, world.Policy.AtomicMinBoost))
                    {
                        continue;
                    }

                    var extfrag = zone.ExtfragEvents;
                    var page = zone.Rmqueue(request.Order, mt, flags, request.Owner);
                    if (page < 0)
                    {
                        continue;
                    }

                    if (zone.ExtfragEvents != extfrag && world.Trace.Enabled)
                    {
                        var e = zone.LastExtfrag;
                        world.Trace.Emit(new PageAllocExtfragEvent(world.NowNs, task.Comm, task.Pid, e.Pfn, e.AllocOrder, e.FallbackOrder, zone.Geometry.PageblockOrder, (int)e.AllocMigratetype, (int)e.FallbackMigratetype, e.Fragmenting, e.ChangeOwnership));
                    }

                    if ((flags & AllocFlags.HighAtomic) != 0)
                    {
                        zone.ReserveHighatomicPageblock(page, request.Order);
                    }

                    AfterRmqueue(world, nid, zone, flags, task);
                    world.Vm.Count(PgallocEvent(zone.Kind), 1L << request.Order);
                    return new AllocOutcome(nid, z, page, 0, false);
                }
            }

            if (restart)
            {
                continue;
            }

            if (skippedBusy)
            {
                skipBusyKswapd = false;
                continue;
            }

            // Without defrag_mode ALLOC_NOFRAGMENT is a preference: try again fragmenting.
            if ((flags & AllocFlags.NoFragment) != 0 && !world.Sysctls.DefragMode)
            {
                flags &= ~AllocFlags.NoFragment;
                continue;
            }

            return AllocOutcome.Failed(0);
        }
    }

    // mirrors the end of rmqueue(), mm/page_alloc.c, v7.2: a fallback boosted the zone: wake kswapd now
    private static void AfterRmqueue(World world, int nid, Zone zone, AllocFlags flags, TaskState task)
    {
        if ((flags & AllocFlags.Kswapd) != 0 && (zone.Flags & ZoneFlags.BoostedWatermark) != 0)
        {
            zone.Flags &= ~ZoneFlags.BoostedWatermark;
            KswapdFunctions.WakeupKswapd(world, nid, zone.ZoneIndex, GfpFlags.None, 0, zone.ZoneIndex, task.Comm, task.Pid);
        }
    }

    private static VmEvent PgallocEvent(Topology.ZoneKind kind) => kind switch
    {
        Topology.ZoneKind.Dma => VmEvent.PgallocDma,
        Topology.ZoneKind.Dma32 => VmEvent.PgallocDma32,
        Topology.ZoneKind.Movable => VmEvent.PgallocMovable,
        _ => VmEvent.PgallocNormal,
    };

    // mirrors wake_all_kswapds(), mm/page_alloc.c, v7.2: the first eligible zone of each node
    private static void WakeAllKswapds(World world, AllocRequest request)
    {
        if (!world.Policy.KswapdWake.MayWake(request.Gfp, request.Order))
        {
            return;
        }

        var order = world.Policy.DefragMode.KswapdWakeOrder(world, request.Order);
        for (var n = 0; n < Zonelist.NodeCount(world, request.Task.Bound); n++)
        {
            var nid = Zonelist.NodeAt(request.Task.Node, n);
            var zones = world.ZonesOf(nid);
            var highest = Zonelist.HighestZoneIndex(world, nid, request.Gfp);
            for (var z = highest; z >= 0; z--)
            {
                if (zones[z].IsPopulated)
                {
                    KswapdFunctions.WakeupKswapd(world, nid, z, request.Gfp, order, highest, request.Task.Comm, request.Task.Pid);
                    break;
                }
            }
        }
    }

    // mirrors __alloc_pages_slowpath(), mm/page_alloc.c, v7.2
    private static AllocOutcome SlowPath(World world, AllocRequest request, long cost)
    {
        var gfp = request.Gfp;
        var order = request.Order;
        var mt = GfpRules.GfpMigratetype(gfp);
        cost += world.Costs.AllocSlowPathEntry;

        var canDirectReclaim = (gfp & GfpFlags.DirectReclaim) != 0;
        var canCompact = canDirectReclaim && (gfp & GfpFlags.Io) != 0;
        var costly = order > BuddyGeometry.CostlyOrder;
        var compactFirst = canCompact && (costly || (order > 0 && mt != MigrateType.Movable));
        var compactPriority = CompactPriority.Async;
        var flags = GfpRules.GfpToAllocFlags(gfp, order, world.Sysctls.DefragMode);
        var canRetryReserves = true;
        var noProgressLoops = 0;
        var compactionRetries = 0;
        var compactResult = CompactResult.Skipped;

        var livelocked = true;
        for (var pass = 0; pass < LivelockRetries; pass++)
        {
            if ((flags & AllocFlags.Kswapd) != 0)
            {
                WakeAllKswapds(world, request);
            }

            var outcome = GetPageFromFreelist(world, request, flags);
            if (outcome.Succeeded)
            {
                return outcome with { CostNs = cost };
            }

            // __gfp_pfmemalloc_flags: __GFP_MEMALLOC, and ALLOC_OOM for an OOM victim (no PF_MEMALLOC tasks).
            var reserveFlags = (gfp & GfpFlags.NoMemAlloc) != 0 ? AllocFlags.None
                : (gfp & GfpFlags.MemAlloc) != 0 ? AllocFlags.NoWatermarks
                : request.Task.Killed ? AllocFlags.Oom
                : AllocFlags.None;
            if (reserveFlags != AllocFlags.None)
            {
                flags = reserveFlags | (flags & (AllocFlags.Cma | AllocFlags.Kswapd));
            }

            if (((flags & AllocFlags.Cpuset) == 0 || reserveFlags != AllocFlags.None) && canRetryReserves)
            {
                canRetryReserves = false;
                continue;
            }

            if (!canDirectReclaim)
            {
                if (world.Sysctls.DefragMode && (flags & AllocFlags.NoFragment) != 0 && (gfp & GfpFlags.KswapdReclaim) != 0
                    && world.Policy.DefragFallback.NonBlockingMayDropNoFragment)
                {
                    flags &= ~AllocFlags.NoFragment;
                    continue;
                }

                livelocked = false;
                break;
            }

            long didProgress = 0;
            if (!compactFirst)
            {
                outcome = DirectReclaim(world, request, flags, ref cost, out didProgress);
                if (outcome.Succeeded)
                {
                    return outcome with { CostNs = cost };
                }
            }

            if (order > 0)
            {
                outcome = DirectCompact(world, request, flags, compactPriority, ref cost, out compactResult);
                if (outcome.Succeeded)
                {
                    return outcome with { CostNs = cost };
                }
            }

            if (compactFirst)
            {
                if ((gfp & GfpFlags.NoRetry) != 0 && (gfp & GfpFlags.ThisNode) != 0)
                {
                    livelocked = false;
                    break;
                }

                if ((gfp & GfpFlags.NoRetry) == 0)
                {
                    compactPriority = CompactPriority.SyncLight;
                }

                compactFirst = false;
                continue;
            }

            if ((gfp & GfpFlags.NoRetry) != 0)
            {
                livelocked = false;
                break;
            }

            if (costly && (!canCompact || (gfp & GfpFlags.RetryMayFail) == 0))
            {
                livelocked = false;
                break;
            }

            if (ShouldReclaimRetry(world, request, flags, didProgress > 0, ref noProgressLoops))
            {
                continue;
            }

            if (didProgress > 0 && canCompact && ShouldCompactRetry(world, request, flags, compactResult, ref compactPriority, ref compactionRetries))
            {
                continue;
            }

            if (world.Policy.DefragFallback.BeforeOom(world, flags) is { } retryFlags)
            {
                flags = retryFlags;
                continue;
            }

            // __alloc_pages_may_oom: costly orders and __GFP_NORETRY never kill; others may, as often as a
            // kill makes progress. A victim that already failed with its ALLOC_OOM reserves gives up
            // rather than loop without watermarks.
            if (OomKiller.OutOfMemory(world, request))
            {
                if (request.Task.Killed && ((flags & AllocFlags.Oom) != 0 || (gfp & GfpFlags.NoMemAlloc) != 0))
                {
                    livelocked = false;
                    break;
                }

                noProgressLoops = 0;
                continue;
            }

            livelocked = false;
            break;
        }

        return Fail(world, request, flags, cost, livelocked);
    }

    private static AllocOutcome Fail(World world, AllocRequest request, AllocFlags flags, long cost, bool livelocked)
    {
        if (world.Trace.Enabled)
        {
            var (admitted, aboveAtomic) = MemoryReport(world, request, flags);
            world.Trace.Emit(new PageAllocFailEvent(world.NowNs, request.Task.Comm, request.Task.Pid, request.Order, request.Gfp, (int)GfpRules.GfpMigratetype(request.Gfp), admitted, aboveAtomic, livelocked));
        }

        if (livelocked)
        {
            // The kernel would still be looping: the task hangs here.
            request.Task.Stalled = true;
            world.Vm.Count(VmEvent.AllocLivelock);
            return AllocOutcome.Failed(cost, livelocked);
        }

        world.Vm.Count(VmEvent.AllocFailure);

        world.Policy.ReserveTuning.OnAllocationFailure(world, request.Gfp, request.Order, request.Task.Node);
        return AllocOutcome.Failed(cost, livelocked);
    }

    // What warn_alloc's show_mem would let a reader check: did a zone pass the request's own watermark
    // check, and did a zone hold more usable memory than the GFP_ATOMIC threshold?
    private static (bool Admitted, bool AboveAtomicReserve) MemoryReport(World world, AllocRequest request, AllocFlags flags)
    {
        bool admitted = false, aboveAtomic = false;
        for (var n = 0; n < Zonelist.NodeCount(world, request.Task.Bound); n++)
        {
            var nid = Zonelist.NodeAt(request.Task.Node, n);
            var zones = world.ZonesOf(nid);
            var highest = Zonelist.HighestZoneIndex(world, nid, request.Gfp);
            for (var z = highest; z >= 0; z--)
            {
                var zone = zones[z];
                if (!zone.IsPopulated)
                {
                    continue;
                }

                admitted |= WatermarkCheck.ZoneWatermarkOk(zone, request.Order, zone.WmarkPages(AllocMask.Watermark(flags)), highest, flags);
                // The GFP_ATOMIC threshold: the unboosted min lowered as for a non-blocking __GFP_HIGH request.
                var atomicMin = WatermarkCheck.ReservedMin(zone.RawWatermark(WmarkIndex.Min), AllocFlags.MinReserve | AllocFlags.NonBlock);
                var usable = zone.NrFreePages - zone.NrFreeCmaPages - zone.NrFreeHighatomic;
                aboveAtomic |= usable > atomicMin + zone.LowmemReserve[highest];
            }
        }

        return (admitted, aboveAtomic);
    }

    // mirrors __alloc_pages_direct_reclaim(), mm/page_alloc.c, v7.2
    private static AllocOutcome DirectReclaim(World world, AllocRequest request, AllocFlags flags, ref long cost, out long progress)
    {
        // Under defrag_mode non-movable requests reclaim for a whole pageblock.
        var reclaimOrder = request.Order;
        if ((flags & AllocFlags.NoFragment) != 0 && GfpRules.GfpMigratetype(request.Gfp) != MigrateType.Movable)
        {
            reclaimOrder = Math.Max(reclaimOrder, world.Machine.Geometry.PageblockOrder);
        }

        progress = DirectReclaimer.TryToFreePages(world, request.Task, request.Gfp, reclaimOrder, out var reclaimCost);
        cost += reclaimCost;
        if (progress == 0)
        {
            return AllocOutcome.Failed(cost);
        }

        var outcome = GetPageFromFreelist(world, request, flags);
        if (outcome.Succeeded)
        {
            return outcome;
        }

        // Once: give back a highatomic reserve, drain the per-CPU lists and retry.
        UnreserveHighatomic(world, request, force: false);
        foreach (var zone in world.Machine.Zones)
        {
            zone.DrainPages();
        }

        return GetPageFromFreelist(world, request, flags);
    }

    // mirrors unreserve_highatomic_pageblock(), mm/page_alloc.c, v7.2: the zonelist walk
    private static bool UnreserveHighatomic(World world, AllocRequest request, bool force)
    {
        var mt = GfpRules.GfpMigratetype(request.Gfp);
        foreach (var nid in Zonelist.Nodes(world, request.Task.Node, request.Task.Bound))
        {
            var zones = world.ZonesOf(nid);
            for (var z = Zonelist.HighestZoneIndex(world, nid, request.Gfp); z >= 0; z--)
            {
                if (zones[z].IsPopulated && zones[z].UnreserveHighatomicPageblock(mt, force))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // mirrors __alloc_pages_direct_compact(), mm/page_alloc.c, v7.2
    private static AllocOutcome DirectCompact(World world, AllocRequest request, AllocFlags flags, CompactPriority priority, ref long cost, out CompactResult result)
    {
        var order = request.Order;
        if ((flags & AllocFlags.NoFragment) != 0 && GfpRules.GfpMigratetype(request.Gfp) != MigrateType.Movable)
        {
            order = Math.Max(order, world.Machine.Geometry.PageblockOrder);
        }

        var nid = request.Task.Node;
        result = DirectCompaction.TryToCompactPages(world, nid, request.Gfp, order, flags, Zonelist.HighestZoneIndex(world, nid, request.Gfp), priority, out var compactCost);
        cost += compactCost;
        if (result is CompactResult.Skipped or CompactResult.Deferred)
        {
            return AllocOutcome.Failed(cost);
        }

        world.Vm.Count(VmEvent.CompactStall);
        var outcome = GetPageFromFreelist(world, request, flags);
        if (outcome.Succeeded)
        {
            world.Compaction[outcome.Node][outcome.Zone].Reset(order, allocSuccess: true);
            world.Vm.Count(VmEvent.CompactSuccess);
            return outcome;
        }

        world.Vm.Count(VmEvent.CompactFail);
        return outcome;
    }

    // mirrors should_reclaim_retry(), mm/page_alloc.c, v7.2
    private static bool ShouldReclaimRetry(World world, AllocRequest request, AllocFlags flags, bool didProgress, ref int noProgressLoops)
    {
        // Costly orders always count as no progress.
        if (didProgress && request.Order <= BuddyGeometry.CostlyOrder)
        {
            noProgressLoops = 0;
        }
        else
        {
            noProgressLoops++;
        }

        if (noProgressLoops <= KswapdFunctions.MaxReclaimRetries)
        {
            foreach (var nid in Zonelist.Nodes(world, request.Task.Node, request.Task.Bound))
            {
                var zones = world.ZonesOf(nid);
                var highest = Zonelist.HighestZoneIndex(world, nid, request.Gfp);
                for (var z = highest; z >= 0; z--)
                {
                    var zone = zones[z];
                    if (!zone.IsPopulated)
                    {
                        continue;
                    }

                    var available = ZoneReclaimablePages(world, nid, z) + zone.NrFreePages;
                    if (WatermarkCheck.ZoneWatermarkOk(zone, request.Order, zone.MinWmarkPages, highest, flags, available))
                    {
                        return true;
                    }
                }
            }
        }

        return UnreserveHighatomic(world, request, force: true);
    }

    // mirrors zone_reclaimable_pages(), mm/vmscan.c, v7.2: file LRU, plus anon when it can be swapped
    public static long ZoneReclaimablePages(World world, int nid, int zoneIndex)
    {
        var lru = world.Lru[nid];
        var pages = lru.ZoneSize(zoneIndex, LruList.InactiveFile) + lru.ZoneSize(zoneIndex, LruList.ActiveFile);
        if (world.Swap.Enabled)
        {
            pages += lru.ZoneSize(zoneIndex, LruList.InactiveAnon) + lru.ZoneSize(zoneIndex, LruList.ActiveAnon);
        }

        return pages;
    }

    /// <summary>MAX_COMPACT_RETRIES.</summary>
    private const int MaxCompactRetries = 16;

    // mirrors should_compact_retry(), mm/page_alloc.c, v7.2
    private static bool ShouldCompactRetry(World world, AllocRequest request, AllocFlags flags, CompactResult result, ref CompactPriority priority, ref int retries)
    {
        if (request.Order == 0)
        {
            return false;
        }

        if (result == CompactResult.Skipped)
        {
            var nid = request.Task.Node;
            var zones = world.ZonesOf(nid);
            var highest = Zonelist.HighestZoneIndex(world, nid, request.Gfp);
            for (var z = highest; z >= 0; z--)
            {
                var available = (ZoneReclaimablePages(world, nid, z) / request.Order) + zones[z].NrFreePages;
                if (zones[z].IsPopulated && CompactionSuitability.CompactionSuitableFree(world, zones[z], request.Order, zones[z].MinWmarkPages, highest, available))
                {
                    return true;
                }
            }

            return false;
        }

        if (result == CompactResult.Success)
        {
            var max = request.Order > BuddyGeometry.CostlyOrder ? MaxCompactRetries / 4 : MaxCompactRetries;
            return ++retries <= max;
        }

        // Escalate the priority while it can still rise.
        var minPriority = request.Order > BuddyGeometry.CostlyOrder ? CompactPriority.SyncLight : CompactPriority.SyncFull;
        if (priority > minPriority)
        {
            priority--;
            retries = 0;
            return true;
        }

        return false;
    }
}
