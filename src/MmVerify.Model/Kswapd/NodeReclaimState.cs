namespace MmVerify.Model.Kswapd;

/// <summary>
/// The per-node reclaim state of pg_data_t (kswapd_order, kswapd_highest_zoneidx, kswapd_failures,
/// the kcompactd fields) plus where each daemon thread is.
/// </summary>
public sealed class NodeReclaimState
{
    public NodeReclaimState(int nrZones)
    {
        NrZones = nrZones;
        KswapdHighestZoneidx = nrZones;
        KswapdLocalHighestZoneidx = nrZones - 1;
        KcompactdHighestZoneidx = nrZones - 1;
    }

    /// <summary>MAX_NR_ZONES of the node: also the "unset" value of kswapd_highest_zoneidx.</summary>
    public int NrZones { get; }

    public int KswapdOrder { get; set; }

    public int KswapdHighestZoneidx { get; set; }

    /// <summary>kswapd_failures: consecutive balance_pgdat runs that reclaimed nothing.</summary>
    public int KswapdFailures { get; set; }

    public KswapdPhase Phase { get; set; } = KswapdPhase.TopOfLoop;

    /// <summary>kswapd's locals in kswapd(): alloc_order, reclaim_order, highest_zoneidx.</summary>
    public int KswapdAllocOrder { get; set; }

    public int KswapdReclaimOrder { get; set; }

    public int KswapdLocalHighestZoneidx { get; set; }

    /// <summary>When the HZ/10 nap ends (simulated ns).</summary>
    public long NapUntilNs { get; set; }

    /// <summary>A wakeup arrived while kswapd waited (the nap's "remaining" is then non-zero).</summary>
    public bool WokenEarly { get; set; }

    public BalanceRun? Run { get; set; }

    /// <summary>When the kswapd thread next runs (simulated ns); long.MaxValue while asleep.</summary>
    public long KswapdNextRunNs { get; set; }

    /// <summary>Total simulated CPU time kswapd has used.</summary>
    public long KswapdBusyNs { get; set; }

    /// <summary>waitqueue_active(&amp;pgdat->kswapd_wait): kswapd naps or sleeps.</summary>
    public bool KswapdWaiting => Phase is KswapdPhase.Napping or KswapdPhase.Sleeping;

    // kcompactd
    public int KcompactdMaxOrder { get; set; }

    public int KcompactdHighestZoneidx { get; set; }

    public bool KcompactdSleeping { get; set; } = true;

    /// <summary>kcompactd is in a compaction pass (busy until KcompactdNextRunNs).</summary>
    public bool KcompactdWorking { get; set; }

    public long KcompactdNextRunNs { get; set; } = long.MaxValue;

    public long KcompactdBusyNs { get; set; }

    public NodeReclaimState Clone()
    {
        var copy = (NodeReclaimState)MemberwiseClone();
        copy.Run = Run?.Clone();
        return copy;
    }
}
