using System.Runtime.CompilerServices;

namespace MmVerify.Model.Buddy;

// The free-list primitives of mm/page_alloc.c. They touch lists, nr_free and NR_FREE_PAGES_BLOCKS;
// NR_FREE_PAGES and friends are the callers' business through AccountFreepages, as in the kernel.
public sealed partial class Zone
{
    // mirrors account_freepages(), mm/page_alloc.c, v7.2
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AccountFreepages(long nrPages, MigrateType mt)
    {
        if (mt == MigrateType.Isolate)
        {
            return;
        }

        NrFreePages += nrPages;
        if (mt == MigrateType.Cma)
        {
            NrFreeCmaPages += nrPages;
        }
        else if (mt == MigrateType.HighAtomic)
        {
            NrFreeHighatomic += nrPages;
        }
    }

    // mirrors __add_to_free_list() + set_buddy_order(), mm/page_alloc.c, v7.2
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddToFreeList(int index, int order, MigrateType mt, bool tail)
    {
        var li = ListIndex(order, mt);
        ref var page = ref _pages[index];
        page.State = PageState.FreeHead;
        page.Order = (sbyte)order;
        page.ListType = mt;

        var first = _head[li];
        if (first == NoPage)
        {
            page.Next = NoPage;
            page.Prev = NoPage;
            _head[li] = index;
            _tail[li] = index;
        }
        else if (tail)
        {
            var last = _tail[li];
            _pages[last].Next = index;
            page.Prev = last;
            page.Next = NoPage;
            _tail[li] = index;
        }
        else
        {
            _pages[first].Prev = index;
            page.Next = first;
            page.Prev = NoPage;
            _head[li] = index;
        }

        _listCount[li]++;
        _nrFree[order]++;
        if (order >= Geometry.PageblockOrder && mt != MigrateType.Isolate)
        {
            NrFreePagesBlocks += 1L << order;
        }
    }

    // mirrors __del_page_from_free_list() (with __ClearPageBuddy), mm/page_alloc.c, v7.2
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void DelFromFreeList(int index, int order, MigrateType mt)
    {
        Unlink(index, ListIndex(order, mt));
        _pages[index].State = PageState.Tail;
        _nrFree[order]--;
        if (order >= Geometry.PageblockOrder && mt != MigrateType.Isolate)
        {
            NrFreePagesBlocks -= 1L << order;
        }
    }

    // mirrors del_page_from_free_list(), mm/page_alloc.c, v7.2
    private void DelPageFromFreeList(int index, int order, MigrateType mt)
    {
        DelFromFreeList(index, order, mt);
        AccountFreepages(-(1L << order), mt);
    }

    // mirrors move_to_free_list(), mm/page_alloc.c, v7.2: the block goes to the tail of the new list
    private void MoveToFreeList(int index, int order, MigrateType oldMt, MigrateType newMt)
    {
        Unlink(index, ListIndex(order, oldMt));
        _nrFree[order]--;
        var blocksBefore = order >= Geometry.PageblockOrder && oldMt != MigrateType.Isolate;
        if (blocksBefore)
        {
            NrFreePagesBlocks -= 1L << order;
        }

        AddToFreeList(index, order, newMt, tail: true);
        AccountFreepages(-(1L << order), oldMt);
        AccountFreepages(1L << order, newMt);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Unlink(int index, int li)
    {
        ref var page = ref _pages[index];
        var prev = page.Prev;
        var next = page.Next;
        if (prev == NoPage)
        {
            _head[li] = next;
        }
        else
        {
            _pages[prev].Next = next;
        }

        if (next == NoPage)
        {
            _tail[li] = prev;
        }
        else
        {
            _pages[next].Prev = prev;
        }

        page.Next = NoPage;
        page.Prev = NoPage;
        _listCount[li]--;
    }

    // mirrors get_page_from_free_area(): the first block on the list, or none
    private int FirstOnList(int order, MigrateType mt) => _head[ListIndex(order, mt)];

    // mirrors free_area_empty()
    internal bool FreeAreaEmpty(int order, MigrateType mt) => _head[ListIndex(order, mt)] == NoPage;
}
