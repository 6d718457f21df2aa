namespace MmVerify.Model.Workload;

/// <summary>What an activity does each time it runs.</summary>
public enum OpKind
{
    /// <summary>Read a file page into the page cache (order 0, movable, inactive file LRU).</summary>
    FaultFile,

    /// <summary>Touch new anonymous memory (order 0, movable, anon LRU).</summary>
    FaultAnon,

    /// <summary>A transparent hugepage fault: the THP order first, order 0 on failure (thp_fault_fallback).</summary>
    FaultAnonThp,

    /// <summary>Reclaimable slab (dentries, inodes): order 0, reclaimable, freed by shrinkers.</summary>
    SlabCache,

    /// <summary>A kernel allocation held for a lifetime (network buffers, skb heads, page tables).</summary>
    KernelAlloc,

    /// <summary>skb_page_frag_refill / page_frag_cache: order 3 without direct reclaim, then order 0.</summary>
    NetFragRefill,

    /// <summary>Access the working set: mark sampled hot pages referenced, refault what reclaim took.</summary>
    Touch,

    /// <summary>Fault an arena page by page, then pin (mlock) all but one page in each chunk and MADV_FREE that one.</summary>
    FragmentArena,

    /// <summary>Fault one anon page and MADV_FREE it at once, keeping reclaim fed (seed 000's LRU feeder).</summary>
    LazyFreeFeeder,

    /// <summary>Release the task's oldest LRU pages (munmap).</summary>
    Unmap,

    /// <summary>Drop clean page cache of every task (echo 1 > drop_caches).</summary>
    DropCaches,

    /// <summary>Kill the task (its memory is freed).</summary>
    Exit,
}
