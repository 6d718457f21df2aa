namespace MmVerify.Model.Buddy;

public sealed partial class Zone
{
    public int PageblockCount => _pageblockType.Length;

    /// <summary>The pageblock that holds the zone-relative page index.</summary>
    public int PageblockOf(int index) => (int)((AbsolutePfn(index) >> Geometry.PageblockOrder) - _firstPageblock);

    // mirrors get_pfnblock_migratetype(), mm/page_alloc.c, v7.2: the isolate bit reads as MIGRATE_ISOLATE
    public MigrateType PageblockMigratetype(int pageblock) =>
        _pageblockIsolated[pageblock] ? MigrateType.Isolate : _pageblockType[pageblock];

    public MigrateType PageblockMigratetypeOfPage(int index) => PageblockMigratetype(PageblockOf(index));

    /// <summary>The type bits without the isolate bit (7.x keeps them while isolated).</summary>
    public MigrateType PageblockTypeBits(int pageblock) => _pageblockType[pageblock];

    public bool PageblockIsolated(int pageblock) => _pageblockIsolated[pageblock];

    // mirrors set_pageblock_migratetype(), mm/page_alloc.c, v7.2
    internal void SetPageblockMigratetype(int pageblock, MigrateType mt)
    {
        if (mt == MigrateType.Isolate)
        {
            throw new ArgumentException("isolation is a separate bit; use IsolatePageblock", nameof(mt));
        }

        _pageblockType[pageblock] = mt;
    }

    // mirrors change_pageblock_range(), mm/page_alloc.c, v7.2: re-type every pageblock of a block >= pageblock_order
    private void ChangePageblockRange(int index, int order, MigrateType mt)
    {
        var blocks = order >= Geometry.PageblockOrder ? 1 << (order - Geometry.PageblockOrder) : 1;
        var first = PageblockOf(index);
        for (var b = 0; b < blocks; b++)
        {
            SetPageblockMigratetype(first + b, mt);
        }
    }

    /// <summary>Zone-relative index of the first page of the pageblock (may be negative for a partial first block).</summary>
    private int PageblockStartIndex(int pageblock) =>
        (int)(((pageblock + _firstPageblock) << Geometry.PageblockOrder) - StartPfn);

    // mirrors zone_spans_pfn() for both ends of a pageblock (the check in prep_move_freepages_block)
    private bool PageblockInsideZone(int pageblock)
    {
        var start = PageblockStartIndex(pageblock);
        return start >= 0 && start + Geometry.PageblockNrPages <= SpannedPages;
    }

    // mirrors prep_move_freepages_block(), mm/page_alloc.c, v7.2
    private bool PrepMoveFreepagesBlock(int pageblock, out int freePages, out int movablePages)
    {
        freePages = 0;
        movablePages = 0;
        if (!PageblockInsideZone(pageblock))
        {
            return false;
        }

        var start = PageblockStartIndex(pageblock);
        var end = start + Geometry.PageblockNrPages;
        for (var i = start; i < end;)
        {
            switch (_pages[i].State)
            {
                case PageState.FreeHead:
                    freePages += 1 << _pages[i].Order;
                    i += 1 << _pages[i].Order;
                    break;
                case PageState.AllocatedHead:
                    // PageLRU is a head-page flag: every page of an LRU folio counts.
                    var nr = 1 << _pages[i].Order;
                    if (PageOwners.IsMovable(_pages[i].Owner))
                    {
                        movablePages += Math.Min(nr, end - i);
                    }

                    i += nr;
                    break;
                default:
                    i++;
                    break;
            }
        }

        return true;
    }

    // mirrors __move_freepages_block(), mm/page_alloc.c, v7.2: move every free block of the pageblock
    private int MoveFreepagesBlockLists(int pageblock, MigrateType oldMt, MigrateType newMt)
    {
        var start = PageblockStartIndex(pageblock);
        var end = start + Geometry.PageblockNrPages;
        var moved = 0;
        for (var i = start; i < end;)
        {
            if (_pages[i].State == PageState.FreeHead)
            {
                var order = _pages[i].Order;
                MoveToFreeList(i, order, oldMt, newMt);
                moved += 1 << order;
                i += 1 << order;
            }
            else
            {
                i++;
            }
        }

        return moved;
    }

    // mirrors move_freepages_block(), mm/page_alloc.c, v7.2: -1 if the block crosses the zone boundary
    private int MoveFreepagesBlock(int pageblock, MigrateType oldMt, MigrateType newMt)
    {
        if (!PrepMoveFreepagesBlock(pageblock, out _, out _))
        {
            return -1;
        }

        var moved = MoveFreepagesBlockLists(pageblock, oldMt, newMt);
        SetPageblockMigratetype(pageblock, newMt);
        return moved;
    }

    /// <summary>
    /// Isolates a pageblock (memory offline, alloc_contig_range): its free pages leave the counters.
    /// A free block larger than the pageblock is split first so that only this pageblock moves.
    /// </summary>
    // mirrors set_pageblock_isolate() + move_freepages_block_isolate(), mm/page_isolation.c and mm/page_alloc.c, v7.2
    public bool IsolatePageblock(int pageblock)
    {
        if (_pageblockIsolated[pageblock] || !PageblockInsideZone(pageblock))
        {
            return false;
        }

        if (SplitFreeBlockCovering(pageblock))
        {
            return true;
        }

        var mt = _pageblockType[pageblock];
        MoveFreepagesBlockLists(pageblock, mt, MigrateType.Isolate);
        _pageblockIsolated[pageblock] = true;
        return true;
    }

    // mirrors unset_migratetype_isolate(), mm/page_isolation.c, v7.2: a free pageblock whose buddy is
    // free and not isolated could not merge while isolated, so it is taken off and freed again to merge;
    // otherwise the free pages just move back to the pageblock's type
    public bool UnisolatePageblock(int pageblock)
    {
        if (!_pageblockIsolated[pageblock])
        {
            return false;
        }

        var start = PageblockStartIndex(pageblock);
        var mt = _pageblockType[pageblock];
        if (start >= 0 && _pages[start].State == PageState.FreeHead)
        {
            int order = _pages[start].Order;
            if (order >= Geometry.PageblockOrder && order < Geometry.MaxPageOrder)
            {
                var buddy = BuddyIndex(start, order);
                if (PageIsBuddy(buddy, order) && PageblockMigratetypeOfPage(buddy) != MigrateType.Isolate)
                {
                    DelFromFreeList(start, order, MigrateType.Isolate);
                    _pageblockIsolated[pageblock] = false;
                    FreeOnePage(start, order, mt, FreeFlags.None);
                    return true;
                }
            }
        }

        _pageblockIsolated[pageblock] = false;
        MoveFreepagesBlockLists(pageblock, MigrateType.Isolate, mt);
        return true;
    }

    // mirrors move_freepages_block_isolate() (its covering-buddy split), mm/page_alloc.c, v7.2
    // The buddy leaves the free list, the pageblock turns isolated, and split_large_buddy() frees it
    // pageblock by pageblock, so the other pieces merge again as far as the isolated one allows.
    private bool SplitFreeBlockCovering(int pageblock)
    {
        var start = PageblockStartIndex(pageblock);
        for (var order = Geometry.PageblockOrder + 1; order <= Geometry.MaxPageOrder; order++)
        {
            var mask = (1L << order) - 1;
            var headIndex = (int)((AbsolutePfn(start) & ~mask) - StartPfn);
            if (headIndex < 0 || _pages[headIndex].State != PageState.FreeHead || _pages[headIndex].Order != order)
            {
                continue;
            }

            DelPageFromFreeList(headIndex, order, _pages[headIndex].ListType);
            _pageblockIsolated[pageblock] = true;
            SplitLargeBuddy(headIndex, order, FreeFlags.None);
            return true;
        }

        return false;
    }
}
