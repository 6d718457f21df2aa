using MmVerify.Model.Gfp;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Buddy;

public sealed partial class Zone
{
    /// <summary>What the last fallback did, for mm_page_alloc_extfrag (trace and tests).</summary>
    public ExtfragEvent LastExtfrag { get; private set; }

    /// <summary>Number of fallbacks (claims and steals) so far: the mm_page_alloc_extfrag count.</summary>
    public long ExtfragEvents { get; private set; }

    // mirrors fallbacks[][], mm/page_alloc.c, v7.2: tried in this order, only for the PCP types
    private static MigrateType Fallback(MigrateType mt, int i) => (mt, i) switch
    {
        (MigrateType.Unmovable, 0) => MigrateType.Reclaimable,
        (MigrateType.Unmovable, _) => MigrateType.Movable,
        (MigrateType.Movable, 0) => MigrateType.Reclaimable,
        (MigrateType.Movable, _) => MigrateType.Unmovable,
        (MigrateType.Reclaimable, 0) => MigrateType.Unmovable,
        _ => MigrateType.Movable,
    };

    /// <summary>
    /// Allocates a block of 2^order pages for a request of the given type and marks it owned.
    /// Returns the zone-relative index of the first page, or -1.
    /// </summary>
    // mirrors rmqueue(), mm/page_alloc.c, v7.2 (the boosted-watermark kswapd wake is the caller's, see PageAllocator)
    public int Rmqueue(int order, MigrateType mt, AllocFlags allocFlags, PageOwner owner)
    {
        // High-order atomic requests go to the buddy so they can use and create highatomic reserves.
        var page = PcpEnabled && PcpAllowedOrder(order) && (allocFlags & AllocFlags.HighAtomic) == 0
            ? RmqueuePcplist(order, mt, allocFlags)
            : RmqueueBuddy(order, mt, allocFlags);
        if (page == NoPage)
        {
            return NoPage;
        }

        _pages[page].State = PageState.AllocatedHead;
        _pages[page].Order = (sbyte)order;
        _pages[page].Owner = owner;
        return page;
    }

    // mirrors rmqueue_buddy(), mm/page_alloc.c, v7.2
    private int RmqueueBuddy(int order, MigrateType mt, AllocFlags allocFlags)
    {
        var page = NoPage;
        if ((allocFlags & AllocFlags.HighAtomic) != 0)
        {
            page = RmqueueSmallest(order, MigrateType.HighAtomic);
        }

        if (page == NoPage)
        {
            var mode = RmqueueMode.Normal;
            page = RmqueueCore(order, mt, allocFlags, ref mode);

            // Failing now is worse than failing a future high-order atomic allocation.
            if (page == NoPage && (allocFlags & (AllocFlags.Oom | AllocFlags.NonBlock)) != 0)
            {
                page = RmqueueSmallest(order, MigrateType.HighAtomic);
            }
        }

        return page;
    }

    /// <summary>enum rmqueue_mode: the step of __rmqueue that last worked, so a bulk refill skips the failing ones.</summary>
    private enum RmqueueMode
    {
        Normal,
        Cma,
        Claim,
        Steal,
    }

    // mirrors __rmqueue(), mm/page_alloc.c, v7.2
    private int RmqueueCore(int order, MigrateType mt, AllocFlags allocFlags, ref RmqueueMode mode)
    {
        int page;
        var mayUseCma = (allocFlags & AllocFlags.Cma) != 0;

        // Balance movable allocations between the regular and CMA areas.
        if (mayUseCma && NrFreeCmaPages > NrFreePages / 2)
        {
            page = RmqueueSmallest(order, MigrateType.Cma);
            if (page != NoPage)
            {
                return page;
            }
        }

        if (mode == RmqueueMode.Normal)
        {
            page = RmqueueSmallest(order, mt);
            if (page != NoPage)
            {
                return page;
            }
        }

        if (mode <= RmqueueMode.Cma && mayUseCma)
        {
            page = RmqueueSmallest(order, MigrateType.Cma);
            if (page != NoPage)
            {
                mode = RmqueueMode.Cma;
                return page;
            }
        }

        if (mode <= RmqueueMode.Claim)
        {
            page = RmqueueClaim(order, mt, allocFlags);
            if (page != NoPage)
            {
                mode = RmqueueMode.Normal;
                return page;
            }
        }

        if ((allocFlags & AllocFlags.NoFragment) == 0)
        {
            page = RmqueueSteal(order, mt);
            if (page != NoPage)
            {
                mode = RmqueueMode.Steal;
                return page;
            }
        }

        return NoPage;
    }

    // mirrors __rmqueue_smallest() + page_del_and_expand(), mm/page_alloc.c, v7.2
    internal int RmqueueSmallest(int order, MigrateType mt)
    {
        for (var current = order; current <= Geometry.MaxPageOrder; current++)
        {
            var page = FirstOnList(current, mt);
            if (page == NoPage)
            {
                continue;
            }

            PageDelAndExpand(page, order, current, mt);
            return page;
        }

        return NoPage;
    }

    // mirrors page_del_and_expand(), mm/page_alloc.c, v7.2
    private void PageDelAndExpand(int page, int low, int high, MigrateType mt)
    {
        DelFromFreeList(page, high, mt);
        var nrPages = (1L << high) - Expand(page, low, high, mt);
        AccountFreepages(-nrPages, mt);
    }

    // mirrors expand(), mm/page_alloc.c, v7.2: upper halves go to the head of the lists; the caller keeps the low part
    private int Expand(int page, int low, int high, MigrateType mt)
    {
        var added = 0;
        var size = 1 << high;
        while (high > low)
        {
            high--;
            size >>= 1;
            AddToFreeList(page + size, high, mt, tail: false);
            added += size;
        }

        return added;
    }

    // mirrors should_try_claim_block(), mm/page_alloc.c, v7.2
    private bool ShouldTryClaimBlock(int order, MigrateType startMt)
    {
        if (order >= Geometry.PageblockOrder)
        {
            return true;
        }

        // Large free chunks likely mean a mostly free pageblock.
        if (order >= Geometry.PageblockOrder / 2)
        {
            return true;
        }

        // Unmovable or reclaimable pages would pollute the block permanently: claim it whole.
        if (startMt is MigrateType.Reclaimable or MigrateType.Unmovable)
        {
            return true;
        }

        return Sysctls.PageGroupByMobilityDisabled;
    }

    private const int FallbackEmpty = -1;
    private const int FallbackNoClaim = -2;

    // mirrors find_suitable_fallback(), mm/page_alloc.c, v7.2: a type, -1 (none here) or -2 (stop: too small to claim)
    private int FindSuitableFallback(int order, MigrateType mt, bool claimable)
    {
        if (claimable && !ShouldTryClaimBlock(order, mt))
        {
            return FallbackNoClaim;
        }

        if (_nrFree[order] == 0)
        {
            return FallbackEmpty;
        }

        for (var i = 0; i < MigrateTypes.PcpTypes - 1; i++)
        {
            var fallback = Fallback(mt, i);
            if (!FreeAreaEmpty(order, fallback))
            {
                return (int)fallback;
            }
        }

        return FallbackEmpty;
    }

    /// <summary>Whether a fallback block that may be claimed exists at this order (used by compaction's finish test).</summary>
    public bool HasClaimableFallback(int order, MigrateType mt) => FindSuitableFallback(order, mt, claimable: true) >= 0;

    // mirrors __rmqueue_claim(), mm/page_alloc.c, v7.2: largest free block first
    private int RmqueueClaim(int order, MigrateType startMt, AllocFlags allocFlags)
    {
        var minOrder = order;
        if (order < Geometry.PageblockOrder && (allocFlags & AllocFlags.NoFragment) != 0)
        {
            minOrder = Geometry.PageblockOrder;
        }

        for (var current = Geometry.MaxPageOrder; current >= minOrder; current--)
        {
            var fallback = FindSuitableFallback(current, startMt, claimable: true);
            if (fallback == FallbackEmpty)
            {
                continue;
            }

            if (fallback == FallbackNoClaim)
            {
                break;
            }

            var blockType = (MigrateType)fallback;
            var page = TryToClaimBlock(FirstOnList(current, blockType), current, order, startMt, blockType, allocFlags);
            if (page != NoPage)
            {
                RecordExtfrag(page, order, current, startMt, blockType);
                return page;
            }
        }

        return NoPage;
    }

    // mirrors try_to_claim_block(), mm/page_alloc.c, v7.2
    private int TryToClaimBlock(int page, int currentOrder, int order, MigrateType startType, MigrateType blockType, AllocFlags allocFlags)
    {
        // Whole pageblocks or more: take ownership, no boost.
        if (currentOrder >= Geometry.PageblockOrder)
        {
            DelPageFromFreeList(page, currentOrder, blockType);
            ChangePageblockRange(page, currentOrder, startType);
            var added = Expand(page, order, currentOrder, startType);
            AccountFreepages(added, startType);
            return page;
        }

        // Raise reclaim pressure to make future fallbacks less likely; the boost stays even if the claim fails.
        if (WatermarkBoosting.BoostWatermark(this) && (allocFlags & AllocFlags.Kswapd) != 0)
        {
            Flags |= ZoneFlags.BoostedWatermark;
        }

        var pageblock = PageblockOf(page);
        if (!PrepMoveFreepagesBlock(pageblock, out var freePages, out var movablePages))
        {
            return NoPage;
        }

        int alikePages;
        if (startType == MigrateType.Movable)
        {
            alikePages = movablePages;
        }
        else if (blockType == MigrateType.Movable)
        {
            // Non-movable request in a movable block: every non-free, non-movable page is alike.
            alikePages = Geometry.PageblockNrPages - (freePages + movablePages);
        }
        else
        {
            alikePages = 0;
        }

        if (freePages + alikePages >= 1 << (Geometry.PageblockOrder - 1) || Sysctls.PageGroupByMobilityDisabled)
        {
            MoveFreepagesBlockLists(pageblock, blockType, startType);
            SetPageblockMigratetype(pageblock, startType);
            return RmqueueSmallest(order, startType);
        }

        return NoPage;
    }

    // mirrors __rmqueue_steal(), mm/page_alloc.c, v7.2: the remainders stay on the fallback type's lists
    private int RmqueueSteal(int order, MigrateType startMt)
    {
        for (var current = order; current <= Geometry.MaxPageOrder; current++)
        {
            var fallback = FindSuitableFallback(current, startMt, claimable: false);
            if (fallback < 0)
            {
                continue;
            }

            var blockType = (MigrateType)fallback;
            var page = FirstOnList(current, blockType);
            PageDelAndExpand(page, order, current, blockType);
            RecordExtfrag(page, order, current, startMt, blockType);
            return page;
        }

        return NoPage;
    }

    private void RecordExtfrag(int page, int allocOrder, int fallbackOrder, MigrateType allocMt, MigrateType fallbackMt)
    {
        ExtfragEvents++;
        LastExtfrag = new ExtfragEvent(
            AbsolutePfn(page),
            allocOrder,
            fallbackOrder,
            allocMt,
            fallbackMt,
            Fragmenting: fallbackOrder < Geometry.PageblockOrder,
            ChangeOwnership: PageblockMigratetypeOfPage(page) == allocMt);
    }
}

/// <summary>The fields of the mm_page_alloc_extfrag tracepoint.</summary>
public readonly record struct ExtfragEvent(
    long Pfn,
    int AllocOrder,
    int FallbackOrder,
    MigrateType AllocMigratetype,
    MigrateType FallbackMigratetype,
    bool Fragmenting,
    bool ChangeOwnership);
