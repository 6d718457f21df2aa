using MmVerify.Model.Gfp;

namespace MmVerify.Model.Reclaim;

// mirrors struct scan_control, mm/vmscan.c, v7.2 (the fields the model uses)
public sealed class ScanControl
{
    public required Reclaimer Reclaimer { get; init; }

    public GfpFlags GfpMask { get; init; } = Gfp.Gfp.Kernel;

    /// <summary>sc->order: may drop to 0 in kswapd after compact_gap pages.</summary>
    public int Order { get; set; }

    public int Priority { get; set; } = DefPriority;

    public int ReclaimIdx { get; set; }

    public long NrToReclaim { get; set; } = SwapClusterMax;

    public long NrScanned { get; set; }

    public long NrReclaimed { get; set; }

    public bool MayWritepage { get; set; } = true;

    public bool MayUnmap { get; set; } = true;

    public bool MaySwap { get; set; } = true;

    /// <summary>The memcg being reclaimed (cgroup reclaim), or null for global reclaim.</summary>
    public int? TargetMemcg { get; init; }

    /// <summary>The reclaiming task, for trace lines.</summary>
    public string Comm { get; init; } = "kswapd0";

    public int Pid { get; init; }

    /// <summary>Simulated CPU time this reclaim has used (ns).</summary>
    public long CostNs { get; set; }

    /// <summary>sc->compaction_ready: a costly-order direct reclaim found a zone ready for compaction.</summary>
    public bool CompactionReady { get; set; }

    public const int DefPriority = 12;

    public const long SwapClusterMax = 32;
}
