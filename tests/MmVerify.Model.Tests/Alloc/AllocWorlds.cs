using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>
/// Multi-zone, multi-node worlds for allocator tests: every node has the same zone layout, each zone
/// 256 pages (0 pages for an unpopulated zone), MAX_PAGE_ORDER 4, pageblock_order 2, no per-CPU lists,
/// min_free_kbytes 128 (32 pages spread over the zones by size). Task 0 runs on node 0.
/// </summary>
internal static class AllocWorlds
{
    public const int ZonePages = 256;

    public static (World World, TaskState Task) Build(int nodes, ZoneKind[] layout, int[]? emptyZones = null, TraceBuffer? trace = null, bool defragMode = false)
    {
        var specs = Enumerable.Range(0, nodes)
            .Select(nid => new NodeSpec(nid, layout.Select((kind, i) => emptyZones?.Contains(i) == true
                ? ZoneSpec.Empty(kind)
                : ZoneSpec.Flat(kind, ((nid * layout.Length) + i) * (long)ZonePages, ZonePages)).ToArray()))
            .ToArray();
        var sysctls = new VmSysctls { UserMinFreeKbytes = 128, PerCpuPages = false, DefragMode = defragMode };
        var machine = Machine.Boot(new MachineSpec(specs), sysctls, new BuddyGeometry(4, 2));
        var world = new World(machine, VariantCatalog.Resolve("linux-7.2"), trace: trace);
        var task = new TaskState(0, 1000, "test", 0, 0);
        world.Tasks.Add(task);
        return (world, task);
    }

    /// <summary>Takes every free page of the zone as the given type, then frees the even ones: only order-0 blocks stay free.</summary>
    public static void Fragment(Zone zone, MigrateType mt)
    {
        foreach (var page in TakeAll(zone, mt).Where(p => p % 2 == 0))
        {
            zone.FreePages(page, 0);
        }
    }

    /// <summary>Takes order-0 pages of the given type until the zone has at most freeTarget free pages; returns them.</summary>
    public static List<int> TakeAll(Zone zone, MigrateType mt, long freeTarget = 0)
    {
        var taken = new List<int>();
        while (zone.NrFreePages > freeTarget)
        {
            taken.Add(zone.Rmqueue(0, mt, AllocFlags.None, mt == MigrateType.Movable ? PageOwner.LruAnon : PageOwner.Unmovable));
        }

        return taken;
    }
}
