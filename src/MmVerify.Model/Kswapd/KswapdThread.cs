using MmVerify.Model.Compaction;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Kswapd;

/// <summary>
/// The kswapd thread of one node as a step function: each step runs kswapd from one blocking point
/// (or one balance_pgdat priority iteration) to the next, charges its simulated CPU time and says
/// when it runs again. The sequence of steps is the kswapd() loop of mm/vmscan.c.
/// </summary>
public static class KswapdThread
{
    // mirrors kswapd() + kswapd_try_to_sleep(), mm/vmscan.c, v7.2, one step at a time
    public static void Step(World world, int nid)
    {
        var s = world.Reclaim[nid];
        var cost = world.Costs.KswapdWakeCheck;
        switch (s.Phase)
        {
            case KswapdPhase.TopOfLoop:
                s.KswapdAllocOrder = s.KswapdReclaimOrder = s.KswapdOrder;
                s.KswapdLocalHighestZoneidx = KswapdFunctions.RecordedHighestZoneidx(s, s.KswapdLocalHighestZoneidx);
                TryToSleep(world, nid);
                break;

            case KswapdPhase.TrySleepAgain:
                TryToSleep(world, nid);
                break;

            case KswapdPhase.Napping:
                FinishNap(world, nid);
                break;

            case KswapdPhase.Sleeping:
                // Only a wakeup moves kswapd out of a full sleep.
                s.KswapdNextRunNs = long.MaxValue;
                return;

            case KswapdPhase.Waking:
                Wake(world, nid);
                break;

            case KswapdPhase.Balancing:
                cost = BalancePgdat.Step(world, nid);
                break;
        }

        s.KswapdBusyNs += cost;
        if (s.Phase is not (KswapdPhase.Napping or KswapdPhase.Sleeping))
        {
            s.KswapdNextRunNs = world.NowNs + cost;
        }
    }

    // mirrors kswapd_try_to_sleep() up to the HZ/10 nap, mm/vmscan.c, v7.2
    private static void TryToSleep(World world, int nid)
    {
        var s = world.Reclaim[nid];
        if (KswapdFunctions.PrepareKswapdSleep(world, nid, s.KswapdReclaimOrder, s.KswapdLocalHighestZoneidx))
        {
            ResetIsolationSuitable(world, nid);
            Kcompactd.WakeupKcompactd(world, nid, s.KswapdAllocOrder, s.KswapdLocalHighestZoneidx, World.KswapdComm(nid), World.KswapdPid(nid));
            s.Phase = KswapdPhase.Napping;
            s.WokenEarly = false;
            s.NapUntilNs = world.NowNs + world.Clock.JiffiesToNs(Math.Max(1, world.Clock.Hz / 10));
            s.KswapdNextRunNs = s.NapUntilNs;
            return;
        }

        // Not balanced: no nap, and stage 2's check fails the same way.
        world.Vm.Count(VmEvent.KswapdHighWmarkHitQuickly);
        s.Phase = KswapdPhase.Waking;
    }

    // mirrors reset_isolation_suitable(), mm/compaction.c, v7.2: clear skip hints after a full direct compaction
    private static void ResetIsolationSuitable(World world, int nid)
    {
        foreach (var state in world.Compaction[nid])
        {
            if (state.BlockskipFlush)
            {
                state.BlockskipFlush = false;
                state.ResetIsolationSuitable();
            }
        }
    }

    // mirrors the second half of kswapd_try_to_sleep(), mm/vmscan.c, v7.2
    private static void FinishNap(World world, int nid)
    {
        var s = world.Reclaim[nid];
        if (s.WokenEarly)
        {
            // Woken within 100 ms: remember the request and go straight back to work.
            s.KswapdHighestZoneidx = KswapdFunctions.RecordedHighestZoneidx(s, s.KswapdLocalHighestZoneidx);
            if (s.KswapdOrder < s.KswapdReclaimOrder)
            {
                s.KswapdOrder = s.KswapdReclaimOrder;
            }

            world.Vm.Count(VmEvent.KswapdLowWmarkHitQuickly);
            s.Phase = KswapdPhase.Waking;
            return;
        }

        if (world.NowNs < s.NapUntilNs)
        {
            s.KswapdNextRunNs = s.NapUntilNs;
            return;
        }

        if (KswapdFunctions.PrepareKswapdSleep(world, nid, s.KswapdReclaimOrder, s.KswapdLocalHighestZoneidx))
        {
            if (world.Trace.Enabled)
            {
                world.Trace.Emit(new KswapdSleepEvent(world.NowNs, World.KswapdComm(nid), World.KswapdPid(nid), nid));
            }

            s.Phase = KswapdPhase.Sleeping;
            s.KswapdNextRunNs = long.MaxValue;
            return;
        }

        world.Vm.Count(VmEvent.KswapdHighWmarkHitQuickly);
        s.Phase = KswapdPhase.Waking;
    }

    // mirrors the wake half of kswapd(), mm/vmscan.c, v7.2: consume the recorded request, start balancing
    private static void Wake(World world, int nid)
    {
        var s = world.Reclaim[nid];
        s.KswapdAllocOrder = s.KswapdOrder;
        s.KswapdLocalHighestZoneidx = KswapdFunctions.RecordedHighestZoneidx(s, s.KswapdLocalHighestZoneidx);
        s.KswapdOrder = 0;
        s.KswapdHighestZoneidx = s.NrZones;
        if (world.Trace.Enabled)
        {
            world.Trace.Emit(new KswapdWakeEvent(world.NowNs, World.KswapdComm(nid), World.KswapdPid(nid), nid, s.KswapdLocalHighestZoneidx, s.KswapdAllocOrder));
        }

        BalancePgdat.Begin(world, nid, s.KswapdAllocOrder, s.KswapdLocalHighestZoneidx);
        s.Phase = KswapdPhase.Balancing;
    }

    /// <summary>balance_pgdat returned: kswapd either retries sleeping at the same alloc_order or loops.</summary>
    internal static void BalanceDone(World world, int nid, int reclaimOrder)
    {
        var s = world.Reclaim[nid];
        s.Run = null;
        s.KswapdReclaimOrder = reclaimOrder;
        s.Phase = reclaimOrder < s.KswapdAllocOrder ? KswapdPhase.TrySleepAgain : KswapdPhase.TopOfLoop;
    }
}
