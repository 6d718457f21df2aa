using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Reclaim;

/// <summary>Reclaim done by the allocating task itself: try_to_free_pages and memcg reclaim (mm/vmscan.c).</summary>
public static class DirectReclaimer
{
    // mirrors try_to_free_pages(), mm/vmscan.c, v7.2 (no pfmemalloc throttling)
    public static long TryToFreePages(World world, TaskState task, GfpFlags gfp, int order, out long costNs)
    {
        var sc = new ScanControl
        {
            Reclaimer = Reclaimer.Direct,
            GfpMask = gfp,
            Order = order,
            ReclaimIdx = Zonelist.HighestZoneIndex(world, task.Node, gfp),
            Comm = task.Comm,
            Pid = task.Pid,
        };
        Trace(world, new DirectReclaimBeginEvent(world.NowNs, task.Comm, task.Pid, order, gfp, null));
        var reclaimed = DoTryToFreePages(world, task, sc);
        Trace(world, new DirectReclaimEndEvent(world.NowNs, task.Comm, task.Pid, sc.NrReclaimed, null));
        costNs = sc.CostNs;
        return reclaimed;
    }

    // mirrors try_to_free_mem_cgroup_pages(), mm/vmscan.c, v7.2: order 0, every zone, every node
    public static long TryToFreeMemCgroupPages(World world, TaskState task, int memcg, long nrPages, out long costNs)
    {
        var sc = new ScanControl
        {
            Reclaimer = Reclaimer.Memcg,
            GfpMask = Gfp.Gfp.HighUserMovable,
            Order = 0,
            ReclaimIdx = world.ZonesOf(task.Node).Count - 1,
            NrToReclaim = Math.Max(nrPages, ScanControl.SwapClusterMax),
            TargetMemcg = memcg,
            Comm = task.Comm,
            Pid = task.Pid,
        };
        Trace(world, new DirectReclaimBeginEvent(world.NowNs, task.Comm, task.Pid, 0, sc.GfpMask, memcg));
        var reclaimed = DoTryToFreePages(world, task, sc);
        Trace(world, new DirectReclaimEndEvent(world.NowNs, task.Comm, task.Pid, sc.NrReclaimed, memcg));
        costNs = sc.CostNs;
        return reclaimed;
    }

    // mirrors do_try_to_free_pages(), mm/vmscan.c, v7.2: priorities 12 down to 0 until 32 pages are back
    private static long DoTryToFreePages(World world, TaskState task, ScanControl sc)
    {
        if (sc.TargetMemcg is null)
        {
            world.Vm.Count(AllocstallEvent(world.ZonesOf(task.Node)[Math.Min(sc.ReclaimIdx, world.ZonesOf(task.Node).Count - 1)].Kind));
        }

        do
        {
            sc.NrScanned = 0;
            ShrinkZones(world, task, sc);
            if (sc.NrReclaimed >= sc.NrToReclaim || sc.CompactionReady)
            {
                break;
            }

            sc.Priority--;
        }
        while (sc.Priority >= 0);

        if (sc.NrReclaimed > 0)
        {
            return sc.NrReclaimed;
        }

        // Aborted for compaction: report progress so the allocator tries compaction.
        return sc.CompactionReady ? 1 : 0;
    }

    // mirrors shrink_zones(), mm/vmscan.c, v7.2: shrink_node once per node of the zonelist
    private static void ShrinkZones(World world, TaskState task, ScanControl sc)
    {
        foreach (var nid in Zonelist.Nodes(world, task.Node, task.Bound))
        {
            var zones = world.ZonesOf(nid);
            var shrink = false;
            for (var z = Math.Min(sc.ReclaimIdx, zones.Count - 1); z >= 0; z--)
            {
                if (!zones[z].IsPopulated)
                {
                    continue;
                }

                // Costly orders skip zones where compaction can already run.
                if (sc.TargetMemcg is null && sc.Order > BuddyGeometry.CostlyOrder && CompactionReady(world, zones[z], sc))
                {
                    sc.CompactionReady = true;
                    continue;
                }

                shrink = true;
            }

            if (shrink)
            {
                Vmscan.ShrinkNode(world, nid, sc);
            }
        }
    }

    // mirrors compaction_ready(), mm/vmscan.c, v7.2
    private static bool CompactionReady(World world, Zone zone, ScanControl sc)
    {
        if (WatermarkCheck.ZoneWatermarkOk(zone, sc.Order, zone.MinWmarkPages, sc.ReclaimIdx, AllocFlags.None))
        {
            return true;
        }

        return CompactionSuitability.CompactionSuitable(world, zone, sc.Order, zone.HighWmarkPages, sc.ReclaimIdx);
    }

    private static VmEvent AllocstallEvent(ZoneKind kind) => kind switch
    {
        ZoneKind.Dma => VmEvent.AllocstallDma,
        ZoneKind.Dma32 => VmEvent.AllocstallDma32,
        ZoneKind.Movable => VmEvent.AllocstallMovable,
        _ => VmEvent.AllocstallNormal,
    };

    private static void Trace(World world, TraceEvent e)
    {
        if (world.Trace.Enabled)
        {
            world.Trace.Emit(e);
        }
    }
}
