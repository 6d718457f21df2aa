namespace MmVerify.Model.Kswapd;

/// <summary>The locals of one balance_pgdat() call, kept across its priority iterations.</summary>
public sealed class BalanceRun
{
    public required int HighestZoneidx { get; init; }

    /// <summary>sc.order: the requested order until kswapd drops it to 0.</summary>
    public int Order { get; set; }

    public int Priority { get; set; } = Reclaim.ScanControl.DefPriority;

    /// <summary>zone_boosts[]: the boost of each zone when the run started.</summary>
    public required long[] ZoneBoosts { get; init; }

    public long NrBoostReclaim { get; set; }

    public bool Boosted { get; init; }

    /// <summary>sc.nr_reclaimed over the whole run.</summary>
    public long NrReclaimed { get; set; }

    public long NrScanned { get; set; }

    public int Iterations { get; set; }

    public BalanceRun Clone() => new()
    {
        HighestZoneidx = HighestZoneidx,
        Order = Order,
        Priority = Priority,
        ZoneBoosts = (long[])ZoneBoosts.Clone(),
        NrBoostReclaim = NrBoostReclaim,
        Boosted = Boosted,
        NrReclaimed = NrReclaimed,
        NrScanned = NrScanned,
        Iterations = Iterations,
    };
}
