using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Compaction;

/// <summary>The kcompactd thread of a node (mm/compaction.c). Proactive compaction is not modelled.</summary>
public static class Kcompactd
{
    // mirrors wakeup_kcompactd(), mm/compaction.c, v7.2
    public static void WakeupKcompactd(World world, int nid, int order, int highestZoneidx, string comm, int pid)
    {
        if (order == 0 || !world.Sysctls.CompactionEnabled)
        {
            return;
        }

        var s = world.Reclaim[nid];
        if (s.KcompactdMaxOrder < order)
        {
            s.KcompactdMaxOrder = order;
        }

        if (s.KcompactdHighestZoneidx > highestZoneidx)
        {
            s.KcompactdHighestZoneidx = highestZoneidx;
        }

        if (!s.KcompactdSleeping || !NodeSuitable(world, nid))
        {
            return;
        }

        if (world.Trace.Enabled)
        {
            world.Trace.Emit(new WakeupKcompactdEvent(world.NowNs, comm, pid, nid, order, highestZoneidx));
        }

        s.KcompactdSleeping = false;
        s.KcompactdNextRunNs = world.NowNs;
    }

    private static AllocFlags KcompactdWatermark(World world) => world.Sysctls.DefragMode ? AllocFlags.WmarkHigh : AllocFlags.WmarkMin;

    // mirrors kcompactd_node_suitable(), mm/compaction.c, v7.2
    private static bool NodeSuitable(World world, int nid)
    {
        var s = world.Reclaim[nid];
        var zones = world.ZonesOf(nid);
        for (var z = 0; z <= s.KcompactdHighestZoneidx && z < zones.Count; z++)
        {
            if (zones[z].IsPopulated
                && CompactionSuitability.SuitAllocationOrder(world, zones[z], s.KcompactdMaxOrder, s.KcompactdHighestZoneidx, KcompactdWatermark(world), async: false, kcompactd: true) == CompactResult.Continue)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One step of the kcompactd thread: compact the node once and stay busy for the time that took;
    /// at the end, run again if a request came in meanwhile, else sleep.
    /// </summary>
    // mirrors kcompactd() and kcompactd_work_requested(), mm/compaction.c, v7.2
    public static void Step(World world, int nid)
    {
        var s = world.Reclaim[nid];
        if (s.KcompactdSleeping)
        {
            s.KcompactdNextRunNs = long.MaxValue;
            return;
        }

        if (s.KcompactdWorking)
        {
            // The previous pass is over: more work was asked for meanwhile, or sleep.
            s.KcompactdWorking = false;
            if (s.KcompactdMaxOrder == 0)
            {
                s.KcompactdSleeping = true;
                s.KcompactdNextRunNs = long.MaxValue;
                return;
            }
        }

        var cost = DoWork(world, nid);
        s.KcompactdBusyNs += cost;
        s.KcompactdWorking = true;
        s.KcompactdNextRunNs = world.NowNs + cost;
    }

    // mirrors kcompactd_do_work(), mm/compaction.c, v7.2
    private static long DoWork(World world, int nid)
    {
        var s = world.Reclaim[nid];

        var order = s.KcompactdMaxOrder;
        var idx = s.KcompactdHighestZoneidx;
        if (world.Trace.Enabled)
        {
            world.Trace.Emit(new KcompactdWakeEvent(world.NowNs, World.KcompactdComm(nid), World.KcompactdPid(nid), nid, order, idx));
        }

        world.Vm.Count(VmEvent.CompactDaemonWake);
        long cost = world.Costs.KswapdWakeCheck;
        var zones = world.ZonesOf(nid);
        for (var z = 0; z <= idx && z < zones.Count; z++)
        {
            if (!zones[z].IsPopulated || world.Compaction[nid][z].Deferred(order))
            {
                continue;
            }

            if (CompactionSuitability.SuitAllocationOrder(world, zones[z], order, z, KcompactdWatermark(world), async: false, kcompactd: true) != CompactResult.Continue)
            {
                continue;
            }

            // kcompactd compacts for GFP_KERNEL: its migratetype is UNMOVABLE.
            var cc = new CompactControl
            {
                Nid = nid,
                ZoneIndex = z,
                Order = order,
                MigrateType = MigrateType.Unmovable,
                AllocFlags = KcompactdWatermark(world),
                HighestZoneidx = idx,
                Async = false,
                Direct = false,
            };
            var result = CompactZone.Run(world, cc);
            cost += cc.CostNs;
            world.Vm.Count(VmEvent.CompactDaemonMigrateScanned, cc.MigrateScanned);
            world.Vm.Count(VmEvent.CompactDaemonFreeScanned, cc.FreeScanned);
            if (result == CompactResult.Success)
            {
                world.Compaction[nid][z].Reset(order, allocSuccess: false);
            }
            else if (result is CompactResult.Complete or CompactResult.PartialSkipped)
            {
                // Pages freed by migration may sit on the pcp lists.
                zones[z].DrainPages();
                world.Compaction[nid][z].Defer(order);
            }
        }

        // Requests that arrived meanwhile for a higher order or zone are kept.
        if (s.KcompactdMaxOrder <= order)
        {
            s.KcompactdMaxOrder = 0;
        }

        if (s.KcompactdHighestZoneidx >= idx)
        {
            s.KcompactdHighestZoneidx = s.NrZones - 1;
        }

        return cost;
    }
}
