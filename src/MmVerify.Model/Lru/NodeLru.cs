using MmVerify.Model.Buddy;

namespace MmVerify.Model.Lru;

/// <summary>
/// The LRU state of one node: an lruvec per memory cgroup and the LRU side of every folio.
/// Lists are intrusive over (zone, page) keys, as the kernel's are over struct page, so adding,
/// removing, rotating and migrating a folio are O(1) and allocate nothing.
/// </summary>
public sealed class NodeLru
{
    private readonly LruPage[][] _pages;
    private readonly List<Lruvec> _lruvecs;

    // Per zone and list: pages (NR_ZONE_INACTIVE_ANON ... the zone LRU counters).
    private readonly long[][] _zonePages;

    public NodeLru(IReadOnlyList<Zone> zones, int memcgs)
    {
        _pages = zones.Select(z => new LruPage[z.SpannedPages]).ToArray();
        _lruvecs = Enumerable.Range(0, Math.Max(1, memcgs)).Select(m => new Lruvec(m)).ToList();
        _zonePages = zones.Select(_ => new long[LruLists.Count]).ToArray();
    }

    private NodeLru(NodeLru other)
    {
        _pages = other._pages.Select(p => (LruPage[])p.Clone()).ToArray();
        _lruvecs = other._lruvecs.Select(v => v.Clone()).ToList();
        _zonePages = other._zonePages.Select(z => (long[])z.Clone()).ToArray();
    }

    /// <summary>Pages of one zone on one list (summed over memcgs).</summary>
    public long ZoneSize(int zoneIndex, LruList list) => _zonePages[zoneIndex][(int)list];

    public IReadOnlyList<Lruvec> Lruvecs => _lruvecs;

    public Lruvec Lruvec(int memcg) => _lruvecs[memcg];

    /// <summary>node_page_state(NR_LRU_BASE + list) summed over memcgs.</summary>
    public long NodeSize(LruList list)
    {
        long sum = 0;
        foreach (var v in _lruvecs)
        {
            sum += v.Size(list);
        }

        return sum;
    }

    public bool OnLru(FolioRef f) => Page(f).OnLru;

    public LruList ListOf(FolioRef f) => Page(f).List;

    public LruFlags FlagsOf(FolioRef f) => Page(f).Flags;

    public int OrderOf(FolioRef f) => Page(f).Order;

    public int MemcgOf(FolioRef f) => Page(f).Memcg;

    public int TaskOf(FolioRef f) => Page(f).Task;

    public void SetFlags(FolioRef f, LruFlags set) => Page(f).Flags |= set;

    public void ClearFlags(FolioRef f, LruFlags clear) => Page(f).Flags &= ~clear;

    // mirrors lruvec_add_folio(): new folios go to the head of their list
    public void Add(FolioRef f, int order, LruList list, int memcg, int task, LruFlags flags)
    {
        ref var p = ref Page(f);
        if (p.OnLru)
        {
            throw new InvalidOperationException($"folio {f} is already on an LRU");
        }

        p.Order = (sbyte)order;
        p.Memcg = (short)memcg;
        p.Task = (short)task;
        p.Flags = flags;
        Link(f, list, head: true);
    }

    // mirrors lruvec_del_folio()
    public void Del(FolioRef f)
    {
        ref var p = ref Page(f);
        if (!p.OnLru)
        {
            throw new InvalidOperationException($"folio {f} is not on an LRU");
        }

        Unlink(f);
        p.OnLru = false;
    }

    /// <summary>Moves a folio to the head (or tail) of a list, e.g. activation or rotation.</summary>
    public void Move(FolioRef f, LruList list, bool head = true)
    {
        Unlink(f);
        Link(f, list, head);
    }

    /// <summary>The folio at the tail of a list (the next to be scanned), or null.</summary>
    public FolioRef? TailOf(int memcg, LruList list)
    {
        var key = _lruvecs[memcg].Tail[(int)list];
        return key == FolioRef.None ? null : FolioRef.FromKey(key);
    }

    /// <summary>The folio before this one towards the head of its list, or null.</summary>
    public FolioRef? PrevOf(FolioRef f)
    {
        var key = Page(f).Prev;
        return key == FolioRef.None ? null : FolioRef.FromKey(key);
    }

    /// <summary>Moves the LRU side of a folio to a new address (migration by compaction).</summary>
    public void Migrate(FolioRef from, FolioRef to)
    {
        var p = Page(from);
        var list = p.List;
        Unlink(from);
        Page(from).OnLru = false;
        ref var q = ref Page(to);
        q = p;
        q.OnLru = false;
        Link(to, list, head: true);
    }

    public NodeLru Clone() => new(this);

    private ref LruPage Page(FolioRef f) => ref _pages[f.ZoneIndex][f.Page];

    private void Link(FolioRef f, LruList list, bool head)
    {
        ref var p = ref Page(f);
        var v = _lruvecs[p.Memcg];
        var l = (int)list;
        var key = f.Key;
        p.List = list;
        p.OnLru = true;
        if (v.Head[l] == FolioRef.None)
        {
            p.Next = p.Prev = FolioRef.None;
            v.Head[l] = v.Tail[l] = key;
        }
        else if (head)
        {
            var first = v.Head[l];
            Page(FolioRef.FromKey(first)).Prev = key;
            p.Next = first;
            p.Prev = FolioRef.None;
            v.Head[l] = key;
        }
        else
        {
            var last = v.Tail[l];
            Page(FolioRef.FromKey(last)).Next = key;
            p.Prev = last;
            p.Next = FolioRef.None;
            v.Tail[l] = key;
        }

        v.Pages[l] += 1L << p.Order;
        _zonePages[f.ZoneIndex][l] += 1L << p.Order;
    }

    private void Unlink(FolioRef f)
    {
        ref var p = ref Page(f);
        var v = _lruvecs[p.Memcg];
        var l = (int)p.List;
        if (p.Prev == FolioRef.None)
        {
            v.Head[l] = p.Next;
        }
        else
        {
            Page(FolioRef.FromKey(p.Prev)).Next = p.Next;
        }

        if (p.Next == FolioRef.None)
        {
            v.Tail[l] = p.Prev;
        }
        else
        {
            Page(FolioRef.FromKey(p.Next)).Prev = p.Prev;
        }

        p.Next = p.Prev = FolioRef.None;
        v.Pages[l] -= 1L << p.Order;
        _zonePages[f.ZoneIndex][l] -= 1L << p.Order;
    }
}
