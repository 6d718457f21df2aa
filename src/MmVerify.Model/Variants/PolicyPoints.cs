using MmVerify.Model.Gfp;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Variants;

// The named points where a patch changes the model. A baseline fills every point; a patch replaces some.

/// <summary>End of shrink_node() after progress: may kswapd_failures be cleared? (seed 001)</summary>
public interface IHopelessResetPolicy
{
    bool ShouldClear(World world, int nid, ScanControl sc);

    /// <summary>
    /// The same decision without a world: who made the progress and whether the node is balanced at the
    /// reclaimer's order and zone. The SMT failure-counter theory encodes a variant from it; a policy without a
    /// world-free form says so instead of guessing.
    /// </summary>
    bool ClearsOnProgress(Reclaimer reclaimer, bool nodeBalanced) =>
        throw new NotSupportedException($"{GetType().Name} has no world-free form of its reset decision");
}

/// <summary>compact_gap(order): reclaim this much before treating a high order as compaction's job.</summary>
public interface ICompactGapPolicy
{
    long CompactGap(int order);
}

/// <summary>End of balance_pgdat(): does this run count as a failure?</summary>
public interface IKswapdFailurePolicy
{
    bool CountsAsFailure(long nrReclaimed, bool boosted);
}

/// <summary>
/// zone_watermark_fast(): may an order-0 request check the un-boosted min watermark when the boosted one fails?
/// Mainline since v5.9 (f80b08fc4453) for __GFP_HIGH requests at WMARK_MIN; before it the boost applied.
/// </summary>
public interface IAtomicMinBoostPolicy
{
    bool IgnoresBoost(int order, Gfp.AllocFlags allocFlags);
}

/// <summary>kswapd_shrink_node(): drop sc->order to 0 once compact_gap pages were reclaimed? (seed 003)</summary>
public interface IKswapdOrderDropPolicy
{
    bool DropToOrderZero(int order, long nrReclaimed, long compactGap);
}

/// <summary>skb_page_frag_refill / page_frag_cache: the gfp of the opportunistic order-3 attempt (seed 000).</summary>
public interface INetFragPolicy
{
    GfpFlags Order3Gfp(GfpFlags callerGfp, bool rx);
}

/// <summary>wake_all_kswapds(): does this request wake kswapd at all? (seed 000, option 2)</summary>
public interface IKswapdWakePolicy
{
    bool MayWake(GfpFlags gfp, int order);
}

/// <summary>defrag_mode's kswapd/kcompactd assistance (seed 004): the order kswapd is woken with and
/// whether its balance test counts whole free pageblocks.</summary>
public interface IDefragModePolicy
{
    /// <summary>Whether the variant turns defrag_mode on (the patch and its sysctl as one unit).</summary>
    bool ForcesDefragMode { get; }

    int KswapdWakeOrder(World world, int order);

    bool BalanceCountsFreeBlocks(World world, int order);
}

/// <summary>defrag_mode's last resorts in the slow path: what happens to ALLOC_NOFRAGMENT before OOM
/// and for callers that cannot reclaim (seed 004 review and the May 2026 fix).</summary>
public interface IDefragFallbackPolicy
{
    /// <summary>Before OOM: the flags to retry with, or null to go on to OOM.</summary>
    Gfp.AllocFlags? BeforeOom(World world, Gfp.AllocFlags flags);

    /// <summary>A non-blocking caller with __GFP_KSWAPD_RECLAIM may drop ALLOC_NOFRAGMENT and retry.</summary>
    bool NonBlockingMayDropNoFragment { get; }
}

/// <summary>Auto-tuning of reserves on allocation failure (seed 002): hooks on failure, on kswapd runs, on time.</summary>
public interface IReserveTuningPolicy
{
    void OnAllocationFailure(World world, GfpFlags gfp, int order, int nid);

    void OnBalanceEnd(World world, int nid);

    void OnTick(World world);
}
