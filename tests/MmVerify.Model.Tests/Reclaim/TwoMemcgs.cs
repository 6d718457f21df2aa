using MmVerify.Model.Buddy;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>One node, one 64 MiB Normal zone, the root memcg and memcg 1 ("/a"), task 0 in root and task 1 in /a.</summary>
internal static class TwoMemcgs
{
    public static World Create(long highPages = long.MaxValue, long swapPages = 0, Costs? costs = null, string variant = "linux-7.2")
    {
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 16384)])]);
        var machine = Machine.Boot(spec, new VmSysctls { UserMinFreeKbytes = 4096 }, BuddyGeometry.X86_64);
        var world = new World(machine, VariantCatalog.Resolve(variant), memcgs: [new Memcg(0, "/", long.MaxValue), new Memcg(1, "/a", highPages)], swapPages: swapPages, costs: costs);
        world.Tasks.Add(new TaskState(0, 1000, "root", 0, 0));
        world.Tasks.Add(new TaskState(1, 1001, "a", 1, 0));
        return world;
    }
}
