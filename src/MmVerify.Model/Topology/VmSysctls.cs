namespace MmVerify.Model.Topology;

/// <summary>
/// The vm sysctls the model reads (/proc/sys/vm unless noted). Sysctls are configuration, not variants.
/// Mutable because the kernel's are: a write recomputes the watermarks (Machine does that).
/// </summary>
public sealed class VmSysctls
{
    /// <summary>vm.min_free_kbytes. Computed at boot unless the user wrote one (UserMinFreeKbytes).</summary>
    public long MinFreeKbytes { get; set; } = 1024;

    /// <summary>user_min_free_kbytes: -1 until the sysctl is written.</summary>
    public long UserMinFreeKbytes { get; set; } = -1;

    /// <summary>vm.watermark_scale_factor, 1..3000 (default 10 = 0.1%).</summary>
    public long WatermarkScaleFactor { get; set; } = 10;

    /// <summary>vm.watermark_boost_factor, >= 0 (default 15000 = 150% of HIGH); 0 disables boosting.</summary>
    public long WatermarkBoostFactor { get; set; } = 15000;

    /// <summary>vm.lowmem_reserve_ratio, one value per zone index; null means the kernel default for the layout.</summary>
    public long[]? LowmemReserveRatio { get; set; }

    /// <summary>vm.defrag_mode (≈v6.15+).</summary>
    public bool DefragMode { get; set; }

    /// <summary>page_group_by_mobility_disabled: set by the kernel on tiny-memory systems.</summary>
    public bool PageGroupByMobilityDisabled { get; set; }

    /// <summary>/proc/sys/net/core/high_order_alloc_disable.</summary>
    public bool HighOrderAllocDisable { get; set; }

    /// <summary>kernel.numa_balancing has NUMA_BALANCING_MEMORY_TIERING: pgdat_balanced uses the promo watermark.</summary>
    public bool NumaBalancingMemoryTiering { get; set; }

    /// <summary>
    /// Model switch, not a kernel sysctl: keep per-CPU page lists (one CPU's worth per zone). Every kernel
    /// has them; toy zones for unit tests and exhaustive search may switch them off.
    /// </summary>
    public bool PerCpuPages { get; set; } = true;

    /// <summary>CONFIG_COMPACTION: without it there is no kcompactd and no direct compaction (Linux 2.6.8).</summary>
    public bool CompactionEnabled { get; set; } = true;

    /// <summary>Transparent hugepages enabled (always or madvise) with khugepaged running.</summary>
    public bool ThpEnabled { get; set; } = true;

    public VmSysctls Clone()
    {
        var copy = (VmSysctls)MemberwiseClone();
        copy.LowmemReserveRatio = (long[]?)LowmemReserveRatio?.Clone();
        return copy;
    }
}
