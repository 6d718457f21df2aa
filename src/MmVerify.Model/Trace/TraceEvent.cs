using MmVerify.Model.Gfp;

namespace MmVerify.Model.Trace;

/// <summary>
/// A tracepoint hit, with the fields the kernel's tracepoint records (KERNEL.md 8.5). Rendering
/// into trace-cmd text is the formats project's job; properties read these records directly.
/// </summary>
public abstract record TraceEvent(long TimeNs, string Comm, int Pid)
{
    /// <summary>The tracepoint name, e.g. mm_vmscan_kswapd_wake.</summary>
    public abstract string Name { get; }
}

public sealed record KswapdSleepEvent(long TimeNs, string Comm, int Pid, int Nid) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_vmscan_kswapd_sleep";
}

public sealed record KswapdWakeEvent(long TimeNs, string Comm, int Pid, int Nid, int Zid, int Order) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_vmscan_kswapd_wake";
}

public sealed record WakeupKswapdEvent(long TimeNs, string Comm, int Pid, int Nid, int Zid, int Order, GfpFlags Gfp) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_vmscan_wakeup_kswapd";
}

public sealed record KswapdReclaimFailEvent(long TimeNs, string Comm, int Pid, int Nid, int Failures) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_vmscan_kswapd_reclaim_fail";
}

/// <summary>Why kswapd_failures went back to 0 (KSWAPD, DIRECT, PCP, OTHER in 7.2).</summary>
public enum HopelessClearReason
{
    Kswapd,
    Direct,
    Pcp,
    Other,
}

/// <summary>
/// kswapd_failures cleared from a non-zero value. 7.2 traces it as mm_vmscan_kswapd_clear_hopeless;
/// 6.12 has no tracepoint for it, but the model records the event for both so properties can see it.
/// </summary>
public sealed record KswapdClearHopelessEvent(long TimeNs, string Comm, int Pid, int Nid, HopelessClearReason Reason, int OldFailures, bool NodeBalanced)
    : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_vmscan_kswapd_clear_hopeless";
}

/// <summary>mm_vmscan_balance_pgdat_begin; BalancedAtOrder0 is the model's note of pgdat_balanced(0) at that moment.</summary>
public sealed record BalancePgdatBeginEvent(long TimeNs, string Comm, int Pid, int Nid, int Order, int HighestZoneidx, bool BalancedAtOrder0 = false) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_vmscan_balance_pgdat_begin";
}

public sealed record BalancePgdatEndEvent(long TimeNs, string Comm, int Pid, int Nid, int Order, int HighestZoneidx, long NrReclaimed, bool Boosted) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_vmscan_balance_pgdat_end";
}

public sealed record DirectReclaimBeginEvent(long TimeNs, string Comm, int Pid, int Order, GfpFlags Gfp, int? Memcg) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => Memcg is null ? "mm_vmscan_direct_reclaim_begin" : "mm_vmscan_memcg_reclaim_begin";
}

public sealed record DirectReclaimEndEvent(long TimeNs, string Comm, int Pid, long NrReclaimed, int? Memcg) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => Memcg is null ? "mm_vmscan_direct_reclaim_end" : "mm_vmscan_memcg_reclaim_end";
}

public sealed record PageAllocExtfragEvent(long TimeNs, string Comm, int Pid, long Pfn, int AllocOrder, int FallbackOrder, int PageblockOrder, int AllocMigratetype, int FallbackMigratetype, bool Fragmenting, bool ChangeOwnership)
    : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_page_alloc_extfrag";
}

/// <summary>
/// mm_page_alloc with a NULL page: an allocation that failed. Besides the tracepoint's fields it keeps what
/// warn_alloc's memory report would show: whether some zone of the zonelist passed the request's own
/// watermark check (Admitted), and whether some zone held more usable free pages than the GFP_ATOMIC
/// threshold (37.5% of the un-boosted min plus lowmem_reserve; CMA and highatomic excluded). Livelocked:
/// the model stopped a slow path that would have looped forever.
/// </summary>
public sealed record PageAllocFailEvent(long TimeNs, string Comm, int Pid, int Order, GfpFlags Gfp, int Migratetype, bool Admitted = false, bool AboveAtomicReserve = false, bool Livelocked = false)
    : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_page_alloc";
}

public sealed record WakeupKcompactdEvent(long TimeNs, string Comm, int Pid, int Nid, int Order, int HighestZoneidx) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_compaction_wakeup_kcompactd";
}

public sealed record KcompactdWakeEvent(long TimeNs, string Comm, int Pid, int Nid, int Order, int HighestZoneidx) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_compaction_kcompactd_wake";
}

public sealed record CompactionBeginEvent(long TimeNs, string Comm, int Pid, long ZoneStart, long MigratePfn, long FreePfn, long ZoneEnd, bool Sync) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_compaction_begin";
}

public sealed record CompactionEndEvent(long TimeNs, string Comm, int Pid, long ZoneStart, long MigratePfn, long FreePfn, long ZoneEnd, bool Sync, string Status) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mm_compaction_end";
}

public sealed record OomKillEvent(long TimeNs, string Comm, int Pid, int VictimPid, string VictimComm, long Pages) : TraceEvent(TimeNs, Comm, Pid)
{
    public override string Name => "mark_victim";
}

/// <summary>
/// An auto-tuning variant's step (seed 002): "trigger" when its tuning work runs (with the failed request's
/// gfp and order), then what it changed: min_free_kbytes raised or decayed, or a zone boosted.
/// </summary>
public sealed record AutotuneEvent(long TimeNs, string Comm, int Pid, string Action, long MinFreeKbytes, int Nid, int Zid, long Boost) : TraceEvent(TimeNs, Comm, Pid)
{
    public GfpFlags Gfp { get; init; }

    public int Order { get; init; } = -1;

    public override string Name => "mmverify_autotune";
}
