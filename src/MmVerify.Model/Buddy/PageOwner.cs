namespace MmVerify.Model.Buddy;

/// <summary>
/// Who holds an allocated block. The kernel has no such field; it stands for what the page
/// is used as (slab, LRU, pinned ...), which decides whether reclaim or compaction may move it.
/// </summary>
public enum PageOwner : byte
{
    None = 0,
    Unmovable = 1,   // kernel allocations that never move (page tables, pinned DMA buffers)
    Slab = 2,        // slab pages; reclaimable slab is freed by shrinkers
    LruFile = 3,     // page cache on the file LRU
    LruAnon = 4,     // anonymous memory on the anon LRU
    NetBuffer = 5,   // network page_frag / skb data
    Pinned = 6,      // mlocked or GUP-pinned user pages: on an LRU, but neither reclaimable nor movable
}

public static class PageOwners
{
    /// <summary>
    /// PageLRU: what prep_move_freepages_block counts as movable. mlocked pages sit on the unevictable
    /// LRU, so Pinned counts here; compaction still leaves them alone (the model treats them as pinned).
    /// </summary>
    public static bool IsMovable(PageOwner owner) => owner is PageOwner.LruFile or PageOwner.LruAnon or PageOwner.Pinned;

    /// <summary>Pages compaction may migrate: LRU pages that are not pinned.</summary>
    public static bool IsMigratable(PageOwner owner) => owner is PageOwner.LruFile or PageOwner.LruAnon;
}
