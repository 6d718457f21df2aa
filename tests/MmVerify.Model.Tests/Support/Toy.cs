using MmVerify.Model.Buddy;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Support;

/// <summary>Small machines for unit tests.</summary>
internal static class Toy
{
    /// <summary>One node with one Normal zone of the given size; min_free_kbytes fixed so no THP rule applies.</summary>
    public static Machine Machine(long pages, BuddyGeometry geometry, long startPfn = 0, long managed = -1, long cmaPages = 0, long minFreeKbytes = 128, bool perCpuPages = false)
    {
        var spec = new ZoneSpec(ZoneKind.Normal, startPfn, pages, pages, managed < 0 ? pages : managed, cmaPages);
        // Buddy unit tests look at the free lists directly: no per-CPU lists in between.
        var sysctls = new VmSysctls { UserMinFreeKbytes = minFreeKbytes, PerCpuPages = perCpuPages };
        return Model.Topology.Machine.Boot(new MachineSpec([new NodeSpec(0, [spec])]), sysctls, geometry);
    }

    /// <summary>A linux-7.2 world on <see cref="Machine"/> with the allocating task of most tests ("test", pid 1000, node 0).</summary>
    public static (World World, TaskState Task) World(long pages, BuddyGeometry geometry, long cmaPages = 0, long minFreeKbytes = 128, long swapPages = 0, ITraceSink? trace = null, bool perCpuPages = false)
    {
        var world = new World(Machine(pages, geometry, cmaPages: cmaPages, minFreeKbytes: minFreeKbytes, perCpuPages: perCpuPages), VariantCatalog.Resolve("linux-7.2"), swapPages: swapPages, trace: trace);
        var task = new TaskState(0, 1000, "test", 0, 0);
        world.Tasks.Add(task);
        return (world, task);
    }

    public static Zone Zone(long pages, BuddyGeometry geometry, long startPfn = 0, long managed = -1, long cmaPages = 0) =>
        Machine(pages, geometry, startPfn, managed, cmaPages).Nodes[0].Zones[0];

    /// <summary>Free block orders per order, like one /proc/buddyinfo row.</summary>
    public static long[] BuddyInfo(Zone zone) =>
        Enumerable.Range(0, zone.Geometry.NrPageOrders).Select(o => zone.NrFree(o)).ToArray();

    public static int[] List(Zone zone, int order, MigrateType mt) => zone.FreeListPages(order, mt).ToArray();
}
