namespace MmVerify.Model.Lru;

/// <summary>The folio flags reclaim looks at, plus the model's working-set mark.</summary>
[Flags]
public enum LruFlags : byte
{
    None = 0,

    /// <summary>PG_referenced / young PTE: touched since reclaim last looked.</summary>
    Referenced = 1,

    /// <summary>In its task's working set: reclaiming it causes a refault.</summary>
    Hot = 2,

    /// <summary>MADV_FREE'd clean anon: reclaimable without swap, dropped instead of written.</summary>
    LazyFree = 4,

    /// <summary>Dirty file page: kswapd may write it back, boosted reclaim may not.</summary>
    Dirty = 8,
}
