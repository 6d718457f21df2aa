namespace MmVerify.Model.Compaction;

/// <summary>A zone's compaction fields: deferral (compact_considered, compact_defer_shift, compact_order_failed).</summary>
public sealed class ZoneCompactionState
{
    /// <summary>COMPACT_MAX_DEFER_SHIFT.</summary>
    public const int MaxDeferShift = 6;

    public int Considered { get; set; }

    public int DeferShift { get; set; }

    public int OrderFailed { get; set; }

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

    public ZoneCompactionState Clone() => (ZoneCompactionState)MemberwiseClone();
}
