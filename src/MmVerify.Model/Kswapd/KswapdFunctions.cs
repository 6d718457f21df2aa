using MmVerify.Model.Compaction;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Kswapd;

/// <summary>kswapd's decisions (mm/vmscan.c): is the node balanced, may kswapd sleep, waking it.</summary>
public static class KswapdFunctions
{
    /// <summary>MAX_RECLAIM_RETRIES: this many failed runs in a row make the node hopeless.</summary>
    public const int MaxReclaimRetries = 16;

    // mirrors kswapd_test_hopeless(), mm/vmscan.c, v7.2
    public static bool Hopeless(World world, int nid) => world.Reclaim[nid].KswapdFailures >= MaxReclaimRetries;

    // mirrors pgdat_balanced(), mm/vmscan.c, v7.2: any one eligible zone above its high watermark is enough
    public static bool PgdatBalanced(World world, int nid, int order, int highestZoneidx)
    {
        var zones = world.ZonesOf(nid);
        var blocks = world.Policy.DefragMode.BalanceCountsFreeBlocks(world, order);
        var managed = false;
        for (var i = 0; i <= highestZoneidx && i < zones.Count; i++)
        {
            var zone = zones[i];
            if (!zone.IsPopulated)
            {
                continue;
            }

            managed = true;

            // alloc_flags 0: free CMA and free highatomic pages do not count.
            var free = blocks ? zone.NrFreePagesBlocks : zone.NrFreePages;
            var mark = world.Sysctls.NumaBalancingMemoryTiering ? zone.PromoWmarkPages : zone.HighWmarkPages;
            if (WatermarkCheck.ZoneWatermarkOk(zone, order, mark, highestZoneidx, AllocFlags.None, free))
            {
                return true;
            }
        }

        // A node with no managed zone up to highest_zoneidx is balanced by definition.
        return !managed;
    }

    // mirrors prepare_kswapd_sleep(), mm/vmscan.c, v7.2: a hopeless node sleeps too, leaving it to direct reclaim
    public static bool PrepareKswapdSleep(World world, int nid, int order, int highestZoneidx) =>
        Hopeless(world, nid) || PgdatBalanced(world, nid, order, highestZoneidx);

    // mirrors kswapd_highest_zoneidx(), mm/vmscan.c, v7.2: the recorded zone, or the previous one if unset
    public static int RecordedHighestZoneidx(NodeReclaimState state, int previous) =>
        state.KswapdHighestZoneidx == state.NrZones ? previous : state.KswapdHighestZoneidx;

    // mirrors wakeup_kswapd(), mm/vmscan.c, v7.2
    public static void WakeupKswapd(World world, int nid, int zoneIndex, GfpFlags gfp, int order, int highestZoneidx, string comm, int pid)
    {
        var zone = world.ZonesOf(nid)[zoneIndex];
        if (!zone.IsPopulated)
        {
            return;
        }

        // The request is recorded even when kswapd is not woken.
        var state = world.Reclaim[nid];
        if (state.KswapdHighestZoneidx == state.NrZones || state.KswapdHighestZoneidx < highestZoneidx)
        {
            state.KswapdHighestZoneidx = highestZoneidx;
        }

        if (state.KswapdOrder < order)
        {
            state.KswapdOrder = order;
        }

        if (!state.KswapdWaiting)
        {
            return;
        }

        if (Hopeless(world, nid)
            || (PgdatBalanced(world, nid, order, highestZoneidx) && !WatermarkBoosting.PgdatWatermarkBoosted(world.ZonesOf(nid), highestZoneidx)))
        {
            // Callers that cannot reclaim themselves at least get compaction going.
            if ((gfp & GfpFlags.DirectReclaim) == 0)
            {
                Kcompactd.WakeupKcompactd(world, nid, order, highestZoneidx, comm, pid);
            }

            return;
        }

        if (world.Trace.Enabled)
        {
            world.Trace.Emit(new WakeupKswapdEvent(world.NowNs, comm, pid, nid, highestZoneidx, order, gfp));
        }

        // wake_up_interruptible: a nap ends early ("remaining" > 0), a full sleep ends.
        if (state.Phase == KswapdPhase.Napping)
        {
            state.WokenEarly = true;
        }
        else
        {
            state.Phase = KswapdPhase.Waking;
        }

        state.KswapdNextRunNs = world.NowNs;
    }
}
