using MmVerify.Model.Compaction;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Kswapd;

/// <summary>balance_pgdat() (mm/vmscan.c, v7.2): Begin sets up the run, each Step is one priority iteration.</summary>
public static class BalancePgdat
{
    // mirrors the entry of balance_pgdat(), mm/vmscan.c, v7.2: count the run, snapshot the boosts
    public static void Begin(World world, int nid, int order, int highestZoneidx)
    {
        world.Vm.Count(VmEvent.Pageoutrun);
        var zones = world.ZonesOf(nid);
        var boosts = new long[zones.Count];
        long total = 0;
        for (var i = 0; i <= highestZoneidx && i < zones.Count; i++)
        {
            if (zones[i].IsPopulated)
            {
                boosts[i] = zones[i].WatermarkBoost;
                total += boosts[i];
            }
        }

        world.Reclaim[nid].Run = new BalanceRun
        {
            HighestZoneidx = highestZoneidx,
            Order = order,
            ZoneBoosts = boosts,
            NrBoostReclaim = total,
            Boosted = total != 0,
        };

        if (world.Trace.Enabled)
        {
            world.Trace.Emit(new BalancePgdatBeginEvent(world.NowNs, World.KswapdComm(nid), World.KswapdPid(nid), nid, order, highestZoneidx, KswapdFunctions.PgdatBalanced(world, nid, 0, highestZoneidx)));
        }
    }

    /// <summary>One iteration of balance_pgdat's do-while loop; returns the simulated CPU time it took.</summary>
    // mirrors the priority loop of balance_pgdat(), mm/vmscan.c, v7.2
    public static long Step(World world, int nid)
    {
        var run = world.Reclaim[nid].Run ?? throw new InvalidOperationException("kswapd is not balancing");
        var idx = run.HighestZoneidx;
        var before = run.NrReclaimed;
        var raisePriority = true;
        run.Iterations++;

        var balanced = KswapdFunctions.PgdatBalanced(world, nid, run.Order, idx);

        // Imbalanced: boosting is a luxury; restart as normal reclaim (the boosts are still subtracted at the end).
        if (!balanced && run.NrBoostReclaim > 0)
        {
            run.NrBoostReclaim = 0;
            run.Priority = ScanControl.DefPriority;
            return world.Costs.KswapdWakeCheck;
        }

        if (run.NrBoostReclaim == 0 && balanced)
        {
            return Out(world, nid, run);
        }

        // Boosted reclaim never drives the priority below DEF_PRIORITY - 2 by itself.
        if (run.NrBoostReclaim > 0 && run.Priority == ScanControl.DefPriority - 2)
        {
            raisePriority = false;
        }

        var boosting = run.NrBoostReclaim > 0;
        var sc = new ScanControl
        {
            Reclaimer = Reclaimer.Kswapd,
            Order = run.Order,
            Priority = run.Priority,
            ReclaimIdx = idx,
            NrReclaimed = run.NrReclaimed,
            MayWritepage = !boosting,
            MaySwap = !boosting,
            Comm = World.KswapdComm(nid),
            Pid = World.KswapdPid(nid),
        };

        if (KswapdShrinkNode(world, nid, sc))
        {
            raisePriority = false;
        }

        run.Order = sc.Order;
        run.NrReclaimed = sc.NrReclaimed;
        run.NrScanned += sc.NrScanned;
        var reclaimed = run.NrReclaimed - before;
        run.NrBoostReclaim -= Math.Min(run.NrBoostReclaim, reclaimed);
        var cost = world.Costs.KswapdWakeCheck + sc.CostNs;

        // Boosted reclaim that stalls gives up: boosting is only an optimisation.
        if (run.NrBoostReclaim > 0 && reclaimed == 0)
        {
            return cost + EndOfLoop(world, nid, run);
        }

        if (raisePriority || reclaimed == 0)
        {
            run.Priority--;
        }

        return run.Priority >= 1 ? cost : cost + EndOfLoop(world, nid, run);
    }

    // mirrors kswapd_shrink_node(), mm/vmscan.c, v7.2
    private static bool KswapdShrinkNode(World world, int nid, ScanControl sc)
    {
        var zones = world.ZonesOf(nid);
        sc.NrToReclaim = 0;
        for (var z = 0; z <= sc.ReclaimIdx && z < zones.Count; z++)
        {
            if (zones[z].IsPopulated)
            {
                sc.NrToReclaim += Math.Max(zones[z].HighWmarkPages, ScanControl.SwapClusterMax);
            }
        }

        Vmscan.ShrinkNode(world, nid, sc);

        // Enough reclaimed for compaction to form the block: judge balance at order 0 from now on.
        if (world.Policy.OrderDrop.DropToOrderZero(sc.Order, sc.NrReclaimed, world.Policy.CompactGap.CompactGap(sc.Order)))
        {
            sc.Order = 0;
        }

        return sc.NrScanned >= sc.NrToReclaim;
    }

    // The loop ended without reaching balance: count a failure if the run reclaimed nothing.
    private static long EndOfLoop(World world, int nid, BalanceRun run)
    {
        var state = world.Reclaim[nid];
        if (world.Policy.FailureCount.CountsAsFailure(run.NrReclaimed, run.Boosted))
        {
            state.KswapdFailures++;
            if (world.Trace.Enabled)
            {
                world.Trace.Emit(new KswapdReclaimFailEvent(world.NowNs, World.KswapdComm(nid), World.KswapdPid(nid), nid, state.KswapdFailures));
            }
        }

        return Out(world, nid, run);
    }

    // mirrors the "out:" label of balance_pgdat(), mm/vmscan.c, v7.2
    private static long Out(World world, int nid, BalanceRun run)
    {
        var zones = world.ZonesOf(nid);
        if (run.Boosted)
        {
            // Subtract what was there at the start; boost added during the run survives.
            for (var i = 0; i <= run.HighestZoneidx && i < zones.Count; i++)
            {
                if (run.ZoneBoosts[i] != 0)
                {
                    zones[i].WatermarkBoost = WatermarkBoosting.BoostAfterRun(zones[i].WatermarkBoost, run.ZoneBoosts[i]);
                }
            }

            Kcompactd.WakeupKcompactd(world, nid, world.Machine.Geometry.PageblockOrder, run.HighestZoneidx, World.KswapdComm(nid), World.KswapdPid(nid));
        }

        if (world.Trace.Enabled)
        {
            world.Trace.Emit(new BalancePgdatEndEvent(world.NowNs, World.KswapdComm(nid), World.KswapdPid(nid), nid, run.Order, run.HighestZoneidx, run.NrReclaimed, run.Boosted));
        }

        world.Policy.ReserveTuning.OnBalanceEnd(world, nid);
        KswapdThread.BalanceDone(world, nid, run.Order);
        return world.Costs.KswapdWakeCheck;
    }
}
