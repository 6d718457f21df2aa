using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;

namespace MmVerify.Model.Workload;

/// <summary>A task: a process that allocates, in a memory cgroup, on a node (bound to it with Bind, as numactl --membind).</summary>
public sealed record TaskSpec(string Name, string Memcg = "/", int Node = 0, bool Bind = false);

/// <summary>A memory cgroup with memory.high in pages (null: max).</summary>
public sealed record MemcgSpec(string Name, long? HighPages);

/// <summary>
/// One activity of a task during a phase: an operation repeated at a rate. Fields that do not apply
/// to an operation are ignored.
/// </summary>
public sealed record ActivitySpec
{
    public required string Task { get; init; }

    public required OpKind Op { get; init; }

    /// <summary>Operations per simulated second; 0 means as fast as their cost allows.</summary>
    public double RatePerSecond { get; init; }

    /// <summary>Stop after this many operations (null: until the phase ends).</summary>
    public long? Count { get; init; }

    /// <summary>At most this many operations per scheduling step (fewer if one wakes a daemon): a speed knob.</summary>
    public int Batch { get; init; } = 1;

    public int Order { get; init; }

    public GfpFlags Gfp { get; init; } = MmVerify.Model.Gfp.Gfp.Kernel;

    public PageOwner Owner { get; init; } = PageOwner.Unmovable;

    /// <summary>How long a KernelAlloc or NetFragRefill block is held (ms).</summary>
    public double LifetimeMs { get; init; }

    /// <summary>Fraction of faulted pages that join the task's working set.</summary>
    public double HotFraction { get; init; }

    /// <summary>Fraction of faulted file pages that are dirty.</summary>
    public double DirtyFraction { get; init; }

    /// <summary>NetFragRefill: the RX path (page_frag_cache, adds __GFP_NOMEMALLOC) instead of TX.</summary>
    public bool Rx { get; init; }

    /// <summary>Only when a free block of the order exists outside ZONE_DMA (seed 000's sniper watches buddyinfo).</summary>
    public bool OnlyIfFreeBlock { get; init; }

    /// <summary>Stop taking blocks while the task holds this many pages (e.g. socket receive buffers full).</summary>
    public long? MaxHeldPages { get; init; }

    /// <summary>Stop faulting while the node's free pages are below this watermark ("min", "low", "high").</summary>
    public string? PauseBelowWatermark { get; init; }

    /// <summary>FragmentArena: pages per chunk (one per chunk is MADV_FREE'd, the rest pinned).</summary>
    public int ChunkPages { get; init; } = 8;

    /// <summary>FragmentArena: how many pages the arena has (0: all free memory less ReserveMb).</summary>
    public long ArenaPages { get; init; }

    public double ReserveMb { get; init; }

    /// <summary>FragmentArena: MADV_FREE the last page of each chunk (reclaim takes it later) or munmap it at once.</summary>
    public bool ArenaUnmap { get; init; }
}

/// <summary>A phase of the workload: activities that run between two times.</summary>
public sealed record PhaseSpec(string Name, double StartSeconds, double EndSeconds, IReadOnlyList<ActivitySpec> Activities);

/// <summary>Everything the workload does.</summary>
public sealed record WorkloadSpec(IReadOnlyList<TaskSpec> Tasks, IReadOnlyList<MemcgSpec> Memcgs, IReadOnlyList<PhaseSpec> Phases);
