namespace MmVerify.Model.Lru;

/// <summary>The LRU lists of one memory cgroup on one node (struct lruvec): heads, tails and sizes in pages.</summary>
public sealed class Lruvec
{
    internal readonly int[] Head = new int[LruLists.Count];
    internal readonly int[] Tail = new int[LruLists.Count];
    internal readonly long[] Pages = new long[LruLists.Count];

    public Lruvec(int memcg)
    {
        Memcg = memcg;
        Array.Fill(Head, FolioRef.None);
        Array.Fill(Tail, FolioRef.None);
    }

    public int Memcg { get; }

    /// <summary>lruvec_lru_size(): pages on the list.</summary>
    public long Size(LruList list) => Pages[(int)list];

    public long FilePages => Size(LruList.InactiveFile) + Size(LruList.ActiveFile);

    public long AnonPages => Size(LruList.InactiveAnon) + Size(LruList.ActiveAnon);

    internal Lruvec Clone()
    {
        var copy = new Lruvec(Memcg);
        Head.CopyTo(copy.Head, 0);
        Tail.CopyTo(copy.Tail, 0);
        Pages.CopyTo(copy.Pages, 0);
        return copy;
    }
}
