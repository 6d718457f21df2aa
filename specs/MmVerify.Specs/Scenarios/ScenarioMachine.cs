using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.Specs.Scenarios;

/// <summary>
/// The machine part of a scenario: memory layout, buddy geometry, timer frequency, swap, and how long it
/// had been up when the workload starts (null: the model's default).
/// </summary>
public sealed record ScenarioMachine(MachineSpec Spec, BuddyGeometry Geometry, int Hz, long SwapPages, double? UptimeSeconds = null)
{
    public const int DefaultHz = 250;

    /// <summary>4 KiB pages per MiB: what the "mb" forms multiply by.</summary>
    public const long PagesPerMb = 256;
}
