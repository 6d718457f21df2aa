using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;

namespace MmVerify.Specs.Scenarios;

/// <summary>The sysctls a scenario sets; anything not set keeps the kernel default.</summary>
public sealed record ScenarioSysctls
{
    /// <summary>vm.min_free_kbytes as written, or null for what the kernel computes at boot ("default").</summary>
    public long? MinFreeKbytes { get; init; }

    public long WatermarkScaleFactor { get; init; } = 10;

    public long WatermarkBoostFactor { get; init; } = 15000;

    /// <summary>One value per zone index, values below 1 already 0; null: the kernel default.</summary>
    public IReadOnlyList<long>? LowmemReserveRatio { get; init; }

    public bool DefragMode { get; init; }

    public bool HighOrderAllocDisable { get; init; }

    /// <summary>null: what hugepage_init() picks for the memory size.</summary>
    public ThpMode? Thp { get; init; }

    public bool NumaBalancingMemoryTiering { get; init; }

    /// <summary>CONFIG_COMPACTION, a build option rather than a sysctl; false models kernels without compaction.</summary>
    public bool Compaction { get; init; } = true;

    /// <summary>page_group_by_mobility_disabled, which the kernel sets itself on tiny machines; true models pre-2.6.24 kernels.</summary>
    public bool PageGroupByMobilityDisabled { get; init; }

    /// <summary>The model's sysctls; a fresh object per call, since the model writes to them.</summary>
    public VmSysctls ToVmSysctls(MachineSpec machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return new VmSysctls
        {
            // Machine.Boot uses a user value as written and computes the default when it is -1.
            UserMinFreeKbytes = MinFreeKbytes ?? -1,
            MinFreeKbytes = MinFreeKbytes ?? 1024,
            WatermarkScaleFactor = WatermarkScaleFactor,
            WatermarkBoostFactor = WatermarkBoostFactor,
            LowmemReserveRatio = LowmemReserveRatio?.ToArray(),
            DefragMode = DefragMode,
            HighOrderAllocDisable = HighOrderAllocDisable,
            NumaBalancingMemoryTiering = NumaBalancingMemoryTiering,
            CompactionEnabled = Compaction,
            PageGroupByMobilityDisabled = PageGroupByMobilityDisabled,
            ThpEnabled = Thp is { } mode ? mode != ThpMode.Never : WatermarkSetup.ThpEnabledByDefault(machine),
        };
    }
}
