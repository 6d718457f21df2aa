namespace MmVerify.Model.Compaction;

/// <summary>A zone's compaction fields: deferral (compact_considered, compact_defer_shift, compact_order_failed).</summary>
public sealed class ZoneCompactionState
{
    /// <summary>COMPACT_MAX_DEFER_SHIFT.</summary>
    public const int MaxDeferShift = 6;

    public int Considered { get; set; }

    public int DeferShift { get; set; }

    public int OrderFailed { get; set; }

    /// <summary>compact_cached_migrate_pfn[async, sync] and compact_cached_free_pfn, as zone-relative page indices (-1: unset).</summary>
    public int[] CachedMigrate { get; private set; } = [-1, -1];

    public int CachedFree { get; set; } = -1;

    /// <summary>compact_blockskip_flush: a full direct compaction finished; kswapd clears the skip hints when it sleeps.</summary>
    public bool BlockskipFlush { get; set; }

    /// <summary>PB_migrate_skip per pageblock (allocated on first use).</summary>
    public bool[]? Skip { get; set; }

    // mirrors compaction_restarting(), mm/compaction.c, v7.2: deferred to the limit and due again
    public bool Restarting(int order) =>
        order >= OrderFailed && DeferShift == MaxDeferShift && Considered >= 1 << DeferShift;

    // mirrors __reset_isolation_suitable(), mm/compaction.c, v7.2 (all hints cleared; the kernel's walk
    // that places the cached scanners at the first suitable blocks is not modelled)
    public void ResetIsolationSuitable()
    {
        if (Skip is not null)
        {
            Array.Clear(Skip);
        }

        CachedMigrate[0] = CachedMigrate[1] = -1;
        CachedFree = -1;
    }

    // mirrors defer_compaction(), mm/compaction.c, v7.2
    public void Defer(int order)
    {
        Considered = 0;
        DeferShift = Math.Min(DeferShift + 1, MaxDeferShift);
        if (order < OrderFailed)
        {
            OrderFailed = order;
        }
    }

    // mirrors compaction_deferred(), mm/compaction.c, v7.2: true means skip this attempt
    public bool Deferred(int order)
    {
        if (order < OrderFailed)
        {
            return false;
        }

        var limit = 1 << DeferShift;
        if (++Considered >= limit)
        {
            Considered = limit;
            return false;
        }

        return true;
    }

    // mirrors compaction_defer_reset(), mm/compaction.c, v7.2
    public void Reset(int order, bool allocSuccess)
    {
        if (allocSuccess)
        {
            Considered = 0;
            DeferShift = 0;
        }

        if (order >= OrderFailed)
        {
            OrderFailed = order + 1;
        }
    }

    public ZoneCompactionState Clone()
    {
        var copy = (ZoneCompactionState)MemberwiseClone();
        copy.CachedMigrate = (int[])CachedMigrate.Clone();
        copy.Skip = (bool[]?)Skip?.Clone();
        return copy;
    }
}
