using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;
using MmVerify.Model.Variants;
using MmVerify.Model.Workload;

namespace MmVerify.Model.Sim;

/// <summary>Everything needed to start a simulation: machine, sysctls, swap, workload, variant, seed.</summary>
public sealed record SimulationSetup
{
    public required MachineSpec Machine { get; init; }

    public required VmSysctls Sysctls { get; init; }

    public BuddyGeometry Geometry { get; init; } = BuddyGeometry.X86_64;

    public long SwapPages { get; init; }

    public int Hz { get; init; } = 250;

    /// <summary>Uptime when the workload starts (jiffies-based debounces care; INITIAL_JIFFIES wraps at 5 minutes).</summary>
    public double UptimeAtStartSeconds { get; init; } = 3600;

    public required WorkloadSpec Workload { get; init; }

    public required KernelPolicy Policy { get; init; }

    public ulong Seed { get; init; } = 1;

    public Costs Costs { get; init; } = Costs.Default;
}
