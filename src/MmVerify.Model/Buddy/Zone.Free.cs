namespace MmVerify.Model.Buddy;

public sealed partial class Zone
{
    /// <summary>
    /// Frees an allocated block of 2^order pages whose head is at the zone-relative index.
    /// </summary>
    // mirrors free_one_page() -> split_large_buddy(), mm/page_alloc.c, v7.2
    // mirrors __free_pages() -> free_frozen_pages() (pcp orders) or free_one_page(), mm/page_alloc.c, v7.2
    public void FreePages(int index, int order, FreeFlags fpi = FreeFlags.None)
    {
        TakeAllocatedHead(index, order);
        PcpFlushedOnLastFree = false;
        if (PcpEnabled && PcpAllowedOrder(order) && (fpi & FreeFlags.ToTail) == 0)
        {
            FreeToPcp(index, order);
            return;
        }

        SplitLargeBuddy(index, order, fpi);
    }

    /// <summary>Checks that index heads an allocated order-k block and releases the head (a free must name what was allocated).</summary>
    internal void TakeAllocatedHead(int index, int order)
    {
        if ((uint)index >= (uint)_pages.Length || _pages[index].State != PageState.AllocatedHead || _pages[index].Order != order)
        {
            throw new InvalidOperationException($"pfn 0x{AbsolutePfn(index):x} is not the head of an allocated order-{order} block");
        }

        _pages[index].State = PageState.Tail;
        _pages[index].Owner = PageOwner.None;
    }

    // mirrors split_large_buddy(), mm/page_alloc.c, v7.2: blocks above a pageblock are freed pageblock by pageblock
    private void SplitLargeBuddy(int index, int order, FreeFlags fpi)
    {
        var end = index + (1 << order);
        var pieceOrder = Math.Min(order, Geometry.PageblockOrder);
        for (var i = index; i < end; i += 1 << pieceOrder)
        {
            FreeOnePage(i, pieceOrder, PageblockMigratetypeOfPage(i), fpi);
        }
    }

    // mirrors __free_one_page(), mm/page_alloc.c, v7.2 (without compaction capture and page shuffling)
    private void FreeOnePage(int index, int order, MigrateType mt, FreeFlags fpi)
    {
        AccountFreepages(1L << order, mt);

        var buddy = 0;
        while (order < Geometry.MaxPageOrder)
        {
            buddy = BuddyIndex(index, order);
            if (!PageIsBuddy(buddy, order))
            {
                break;
            }

            // Below pageblock order the buddy shares the pageblock, hence the type.
            var buddyMt = mt;

            // At pageblock order and above, never merge into or out of HIGHATOMIC, CMA or ISOLATE.
            if (order >= Geometry.PageblockOrder)
            {
                buddyMt = PageblockMigratetypeOfPage(buddy);
                if (mt != buddyMt && (!MigrateTypes.IsMergeable(mt) || !MigrateTypes.IsMergeable(buddyMt)))
                {
                    break;
                }
            }

            DelFromFreeList(buddy, order, _pages[buddy].ListType);

            // Match the buddy's type so a later expand() puts the halves on the right lists.
            if (buddyMt != mt)
            {
                ChangePageblockRange(buddy, order, mt);
            }

            index = Math.Min(index, buddy);
            order++;
        }

        bool toTail;
        if ((fpi & FreeFlags.ToTail) != 0)
        {
            toTail = true;
        }
        else
        {
            toTail = BuddyMergeLikely(index, buddy, order);
        }

        AddToFreeList(index, order, mt, toTail);
    }

    // mirrors __find_buddy_pfn(): the buddy's zone-relative index, possibly outside the zone
    internal int BuddyIndex(int index, int order) => (int)((AbsolutePfn(index) ^ (1L << order)) - StartPfn);

    // mirrors page_is_buddy(): a free head of the same order in the same zone
    internal bool PageIsBuddy(int buddy, int order) =>
        (uint)buddy < (uint)_pages.Length && _pages[buddy].State == PageState.FreeHead && _pages[buddy].Order == order;

    // mirrors buddy_merge_likely(), mm/page_alloc.c, v7.2: keep a block at the tail if freeing its buddy
    // would cause a two-level merge
    private bool BuddyMergeLikely(int index, int buddy, int order)
    {
        // At MAX_PAGE_ORDER - 1 and above no two-level merge can follow. Below it the merge
        // loop ran at least once, so buddy holds the last buddy tried (possibly outside the zone).
        if (order >= Geometry.MaxPageOrder - 1)
        {
            return false;
        }

        var higher = Math.Min(index, buddy);
        var higherBuddy = BuddyIndex(higher, order + 1);
        return PageIsBuddy(higherBuddy, order + 1);
    }

    // mirrors memmap_init_range() + memblock_free_pages() -> __free_pages_core(), mm/mm_init.c, v7.2:
    // every pageblock starts MOVABLE (CMA areas are marked by init_cma_reserved_pageblock), then the
    // managed pages are released in the largest aligned blocks, to the tail of the lists.
    private void InitFreeMemory()
    {
        Array.Fill(_pageblockType, MigrateType.Movable);
        if (_pages.Length == 0)
        {
            return;
        }

        // The model places unmanaged pages (holes and memblock reservations) at the bottom of the zone.
        var reserved = (int)(Spec.Spanned - Spec.Managed);
        for (var i = 0; i < reserved; i++)
        {
            _pages[i].State = PageState.Reserved;
        }

        // CMA areas sit at the top of the zone, in whole pageblocks.
        if (Spec.CmaPages > 0)
        {
            var cmaBlocks = (int)((Spec.CmaPages + Geometry.PageblockNrPages - 1) >> Geometry.PageblockOrder);
            for (var b = 0; b < cmaBlocks && b < _pageblockType.Length; b++)
            {
                _pageblockType[_pageblockType.Length - 1 - b] = MigrateType.Cma;
            }
        }

        for (var i = reserved; i < _pages.Length;)
        {
            var order = LargestAlignedOrder(i, _pages.Length - i);
            _pages[i].State = PageState.AllocatedHead;
            _pages[i].Order = (sbyte)order;
            FreePages(i, order, FreeFlags.ToTail);
            i += 1 << order;
        }
    }

    private int LargestAlignedOrder(int index, int remaining)
    {
        var pfn = AbsolutePfn(index);
        var order = Geometry.MaxPageOrder;
        while (order > 0 && ((pfn & ((1L << order) - 1)) != 0 || (1 << order) > remaining))
        {
            order--;
        }

        return order;
    }
}
