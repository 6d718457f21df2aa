using MmVerify.Model.Sim;
using MmVerify.Model.Tests.WorkloadTests;
using MmVerify.Model.Topology;
using MmVerify.Model.Variants;
using MmVerify.Model.Workload;

namespace MmVerify.Model.Tests.SimTests;

/// <summary>Simulations of small machines (MAX_PAGE_ORDER 4, pageblock_order 2, min_free_kbytes 128 unless given).</summary>
internal static class SimulationBuilder
{
    public static SimulationSetup Setup(MachineSpec machine, WorkloadSpec? workload = null, string variant = "linux-7.2", long minFreeKbytes = 128) => new()
    {
        Machine = machine,
        Sysctls = new VmSysctls { UserMinFreeKbytes = minFreeKbytes },
        Geometry = TaskWorld.Small,
        Workload = workload ?? new WorkloadSpec([new TaskSpec("t")], [], []),
        Policy = VariantCatalog.Resolve(variant),
    };

    public static MachineSpec OneNode(params ZoneSpec[] zones) => new([new NodeSpec(0, zones)]);

    /// <summary>A node of two 1024-page zones, DMA32 and Normal.</summary>
    public static MachineSpec Dma32AndNormal() =>
        OneNode(ZoneSpec.Flat(ZoneKind.Dma32, 0, 1024), ZoneSpec.Flat(ZoneKind.Normal, 1024, 1024));
}
