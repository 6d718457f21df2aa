using MmVerify.Model.Gfp;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Variants;

// mirrors shrink_node()'s reset before ≈v7.0 (6.12): any progress revives a dormant kswapd
public sealed class ClearOnAnyProgress : IHopelessResetPolicy
{
    public bool ShouldClear(World world, int nid, ScanControl sc) => ClearsOnProgress(sc.Reclaimer, nodeBalanced: false);

    public bool ClearsOnProgress(Reclaimer reclaimer, bool nodeBalanced) => true;
}

// mirrors kswapd_try_clear_hopeless(), mm/vmscan.c, v7.2: clear only if the node is balanced at the reclaimer's order and zone
public sealed class ClearWhenBalanced : IHopelessResetPolicy
{
    public bool ShouldClear(World world, int nid, ScanControl sc) =>
        ClearsOnProgress(sc.Reclaimer, KswapdFunctions.PgdatBalanced(world, nid, sc.Order, sc.ReclaimIdx));

    public bool ClearsOnProgress(Reclaimer reclaimer, bool nodeBalanced) => nodeBalanced;
}

// mirrors compact_gap(), include/linux/compaction.h, 6.12: 2 << order
public sealed class UncappedCompactGap : ICompactGapPolicy
{
    public long CompactGap(int order) => 2L << order;
}

// mirrors compact_gap(), include/linux/compaction.h, v7.2: min(2 << order, COMPACT_CLUSTER_MAX)
public sealed class CappedCompactGap : ICompactGapPolicy
{
    public long CompactGap(int order) => Math.Min(2L << order, ScanControl.SwapClusterMax);
}

// mirrors balance_pgdat()'s failure count before ≈v6.19: any run that reclaimed nothing
public sealed class ZeroReclaimIsFailure : IKswapdFailurePolicy
{
    public bool CountsAsFailure(long nrReclaimed, bool boosted) => nrReclaimed == 0;
}

// mirrors balance_pgdat(), mm/vmscan.c, v7.2: boosted runs do not count
public sealed class UnboostedZeroReclaimIsFailure : IKswapdFailurePolicy
{
    public bool CountsAsFailure(long nrReclaimed, bool boosted) => nrReclaimed == 0 && !boosted;
}

// mirrors zone_watermark_fast(), mm/page_alloc.c, v7.2: order-0 __GFP_HIGH (ALLOC_MIN_RESERVE) at WMARK_MIN
// re-checks the un-boosted min (since v5.9, f80b08fc4453; 6.1 tested __GFP_ATOMIC instead of ALLOC_MIN_RESERVE)
public sealed class IgnoreBoostAtMinForHighOrder0 : IAtomicMinBoostPolicy
{
    public bool IgnoresBoost(int order, AllocFlags allocFlags) =>
        order == 0 && (allocFlags & AllocFlags.MinReserve) != 0 && AllocMask.Watermark(allocFlags) == WmarkIndex.Min;
}

// mirrors kswapd_shrink_node(), mm/vmscan.c, v7.2
public sealed class DropOrderAfterCompactGap : IKswapdOrderDropPolicy
{
    public bool DropToOrderZero(int order, long nrReclaimed, long compactGap) => order > 0 && nrReclaimed >= compactGap;
}

// mirrors skb_page_frag_refill() (TX) and __page_frag_cache_refill() (RX), v7.2: keep __GFP_KSWAPD_RECLAIM
public sealed class NetFragKeepsKswapdReclaim : INetFragPolicy
{
    public GfpFlags Order3Gfp(GfpFlags callerGfp, bool rx)
    {
        var gfp = (callerGfp & ~GfpFlags.DirectReclaim) | GfpFlags.Comp | GfpFlags.NoWarn | GfpFlags.NoRetry;
        return rx ? gfp | GfpFlags.NoMemAlloc : gfp;
    }
}

// mirrors wake_all_kswapds(), mm/page_alloc.c, v7.2: every request with __GFP_KSWAPD_RECLAIM wakes
public sealed class WakeForEveryRequest : IKswapdWakePolicy
{
    public bool MayWake(GfpFlags gfp, int order) => true;
}

// mirrors wake_all_kswapds() and pgdat_balanced() under defrag_mode, v7.2
public sealed class MainlineDefragMode : IDefragModePolicy
{
    public bool ForcesDefragMode => false;

    public int KswapdWakeOrder(World world, int order) =>
        world.Sysctls.DefragMode ? Math.Max(order, world.Machine.Geometry.PageblockOrder) : order;

    public bool BalanceCountsFreeBlocks(World world, int order) => world.Sysctls.DefragMode && order > 0;
}

/// <summary>No auto-tuning: the kernel as merged.</summary>
public sealed class NoReserveTuning : IReserveTuningPolicy
{
    public void OnAllocationFailure(World world, GfpFlags gfp, int order, int nid)
    {
    }

    public void OnBalanceEnd(World world, int nid)
    {
    }

    public void OnTick(World world)
    {
    }
}

// mirrors __alloc_pages_slowpath(), mm/page_alloc.c, v7.2: drop NOFRAGMENT once before OOM, and for
// non-blocking callers that can wake kswapd
public sealed class MainlineDefragFallback : IDefragFallbackPolicy
{
    public AllocFlags? BeforeOom(World world, AllocFlags flags) =>
        world.Sysctls.DefragMode && (flags & AllocFlags.NoFragment) != 0 ? flags & ~AllocFlags.NoFragment : null;

    public bool NonBlockingMayDropNoFragment => true;
}
