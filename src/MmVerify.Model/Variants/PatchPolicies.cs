using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Variants;

// seed 003 (Nick Piggin, 2004, order-aware kswapd): keep reclaiming for the high order, never drop to 0
public sealed class NeverDropOrder : IKswapdOrderDropPolicy
{
    public bool DropToOrderZero(int order, long nrReclaimed, long compactGap) => false;
}

// seed 000, Barry Song's RFC: the opportunistic order-3 attempt reclaims nothing, not even via kswapd
public sealed class NetFragNoReclaim : INetFragPolicy
{
    public GfpFlags Order3Gfp(GfpFlags callerGfp, bool rx)
    {
        var gfp = (callerGfp & ~Gfp.Gfp.Reclaim) | GfpFlags.Comp | GfpFlags.NoWarn | GfpFlags.NoRetry;
        return rx ? gfp | GfpFlags.NoMemAlloc : gfp;
    }
}

// seed 000, Vlastimil Babka's option 2: the allocator does not wake kswapd for opportunistic
// high-order requests (order > 0, NORETRY and NOWARN, no direct reclaim)
public sealed class NoWakeForOpportunisticHighOrder : IKswapdWakePolicy
{
    public bool MayWake(GfpFlags gfp, int order)
    {
        const GfpFlags opportunistic = GfpFlags.NoRetry | GfpFlags.NoWarn;
        return !(order > 0 && (gfp & opportunistic) == opportunistic && (gfp & GfpFlags.DirectReclaim) == 0);
    }
}

// seed 004 patch 3 alone: defrag_mode in the allocator (ALLOC_NOFRAGMENT everywhere), kswapd and
// kcompactd still work at the request's order with the plain free-page watermarks
public sealed class DefragModeAllocatorOnly : IDefragModePolicy
{
    public bool ForcesDefragMode => true;

    public int KswapdWakeOrder(World world, int order) => order;

    public bool BalanceCountsFreeBlocks(World world, int order) => false;
}

// seed 004 patches 3-5 with the exit-condition fix, as merged: defrag_mode on, kswapd woken at
// pageblock order and balanced on whole free pageblocks for order > 0
public sealed class DefragModeWithKswapdAssist : IDefragModePolicy
{
    private static readonly MainlineDefragMode Mainline = new();

    public bool ForcesDefragMode => true;

    public int KswapdWakeOrder(World world, int order) => Mainline.KswapdWakeOrder(world, order);

    public bool BalanceCountsFreeBlocks(World world, int order) => Mainline.BalanceCountsFreeBlocks(world, order);
}

// seed 004 patch 3 as posted (Brendan Jackman's review): "alloc_flags &= ALLOC_NOFRAGMENT; goto retry"
// keeps only NOFRAGMENT and retries forever instead of reaching OOM; non-blocking callers never drop it
public sealed class DefragFallbackAsPosted : IDefragFallbackPolicy
{
    public AllocFlags? BeforeOom(World world, AllocFlags flags) =>
        world.Sysctls.DefragMode ? flags & AllocFlags.NoFragment : null;

    public bool NonBlockingMayDropNoFragment => false;
}

// seed 004 with the OOM-path fix but before the May 2026 fix for non-reclaimable allocations (D1-fix .. D5)
public sealed class DefragFallbackBeforeAtomicFix : IDefragFallbackPolicy
{
    private static readonly MainlineDefragFallback Mainline = new();

    public AllocFlags? BeforeOom(World world, AllocFlags flags) => Mainline.BeforeOom(world, flags);

    public bool NonBlockingMayDropNoFragment => false;
}
