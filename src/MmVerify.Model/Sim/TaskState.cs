using MmVerify.Model.Lru;

namespace MmVerify.Model.Sim;

/// <summary>A block a task holds outside the LRU (network buffers, slab, kernel allocations).</summary>
public readonly record struct HeldBlock(int Node, FolioRef Folio, int Order, long ReleaseAtNs);

/// <summary>
/// A user task as the kernel sees it: who it is, which memcg and node it allocates from, what it
/// holds, and the model's working-set bookkeeping (pages of its working set that reclaim took and
/// that it will fault in again).
/// </summary>
public sealed class TaskState
{
    public TaskState(int id, int pid, string comm, int memcg, int node)
    {
        Id = id;
        Pid = pid;
        Comm = comm;
        Memcg = memcg;
        Node = node;
    }

    public int Id { get; }

    public int Pid { get; }

    public string Comm { get; }

    public int Memcg { get; }

    public int Node { get; set; }

    /// <summary>The task's memory policy binds it to its node (MPOL_BIND): no fallback to other nodes.</summary>
    public bool Bound { get; set; }

    public bool Killed { get; set; }

    /// <summary>An allocation of this task never completed (the model stopped a livelocked slow path): it hangs.</summary>
    public bool Stalled { get; set; }

    /// <summary>Pages on the LRU that this task faulted in (file and anon).</summary>
    public long LruPages { get; set; }

    /// <summary>Blocks held outside the LRU, by release time (then by when they were taken).</summary>
    public PriorityQueue<HeldBlock, (long ReleaseAtNs, long Seq)> Held { get; private set; } = new();

    /// <summary>Sequence number of the next held block, for a deterministic order among equal release times.</summary>
    public long HeldSeq { get; set; }

    public long HeldPages { get; set; }

    /// <summary>Working-set pages reclaim evicted; each will refault on the task's next access.</summary>
    public long RefaultDebtFile { get; set; }

    public long RefaultDebtAnon { get; set; }

    /// <summary>memcg_nr_pages_over_high: overage to reclaim on return to user space.</summary>
    public long PagesOverHigh { get; set; }

    public long NextRunNs { get; set; }

    public long BusyNs { get; set; }

    public TaskState Clone()
    {
        var copy = (TaskState)MemberwiseClone();
        copy.Held = new PriorityQueue<HeldBlock, (long, long)>(Held.UnorderedItems);
        return copy;
    }
}
