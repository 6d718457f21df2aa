namespace MmVerify.Model.Lru;

/// <summary>
/// The LRU side of a folio, kept per page frame (only block heads are used): its list links,
/// which list, its memory cgroup and the task that faulted it.
/// </summary>
internal struct LruPage
{
    public int Next;
    public int Prev;
    public short Memcg;
    public short Task;
    public LruList List;
    public LruFlags Flags;
    public sbyte Order;
    public bool OnLru;
}
