namespace MmVerify.Model.Buddy;

// Read-only views for renderers and properties. None of them is on an alloc/free path.
public sealed partial class Zone
{
    public PageState StateAt(int index) => _pages[index].State;

    /// <summary>The order stored in a block head (free or allocated); meaningless for tail pages.</summary>
    public int OrderAt(int index) => _pages[index].Order;

    public PageOwner OwnerAt(int index) => _pages[index].Owner;

    /// <summary>The free list a free head is on.</summary>
    public MigrateType ListTypeAt(int index) => _pages[index].ListType;

    public long PfnOf(int index) => AbsolutePfn(index);

    /// <summary>free_area[order].nr_free: free blocks of that order, all types.</summary>
    public long NrFree(int order) => _nrFree[order];

    /// <summary>The number of blocks on free_list[mt] of that order (what /proc/pagetypeinfo prints).</summary>
    public int FreeListCount(int order, MigrateType mt) => _listCount[ListIndex(order, mt)];

    /// <summary>
    /// The zone-relative indices on one free list, head first. Stops after more steps than the
    /// list claims to hold, so that a corrupted list cannot loop forever.
    /// </summary>
    public IEnumerable<int> FreeListPages(int order, MigrateType mt)
    {
        var li = ListIndex(order, mt);
        var limit = (long)_listCount[li] + 1;
        for (var page = _head[li]; page != NoPage && limit-- > 0; page = _pages[page].Next)
        {
            yield return page;
        }
    }

    /// <summary>Whether following a list's links from its head ends at its tail within its count.</summary>
    public bool FreeListLinksConsistent(int order, MigrateType mt)
    {
        var li = ListIndex(order, mt);
        var count = 0;
        var prev = NoPage;
        for (var page = _head[li]; page != NoPage; page = _pages[page].Next)
        {
            if (_pages[page].Prev != prev || ++count > _listCount[li])
            {
                return false;
            }

            prev = page;
        }

        return count == _listCount[li] && _tail[li] == prev;
    }

    /// <summary>The zone's pages as a sequence of blocks in pfn order (reserved pages one by one).</summary>
    public IEnumerable<Block> Blocks()
    {
        for (var i = 0; i < _pages.Length;)
        {
            var state = _pages[i].State;
            switch (state)
            {
                case PageState.FreeHead:
                case PageState.AllocatedHead:
                case PageState.PcpHead:
                    var order = _pages[i].Order;
                    yield return new Block(i, order, state, _pages[i].ListType, _pages[i].Owner);
                    i += order is >= 0 and < 31 ? 1 << order : 1;
                    break;
                default:
                    yield return new Block(i, 0, state, default, PageOwner.None);
                    i++;
                    break;
            }
        }
    }

    /// <summary>Pageblocks whose type (as get_pageblock_migratetype reads it) is mt.</summary>
    public int PageblocksOfType(MigrateType mt)
    {
        var count = 0;
        for (var b = 0; b < _pageblockType.Length; b++)
        {
            if (PageblockMigratetype(b) == mt)
            {
                count++;
            }
        }

        return count;
    }
}
