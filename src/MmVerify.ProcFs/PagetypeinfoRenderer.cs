using System.Text;
using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;
using static MmVerify.ProcFs.KernelPrintf;

namespace MmVerify.ProcFs;

/// <summary>/proc/pagetypeinfo for a model machine (without PAGE_OWNER's "Number of mixed blocks").</summary>
public static class PagetypeinfoRenderer
{
    // The kernel stops counting a free list here, under the zone lock, and prints ">100000".
    private const int FreeCountCap = 100000;

    // mirrors pagetypeinfo_show(), mm/vmstat.c, v7.2
    public static string Render(Machine machine, bool cmaConfigured)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var types = Types(cmaConfigured);
        var sb = new StringBuilder();
        sb.Append("Page block order: ").Append(Decimal(machine.Geometry.PageblockOrder)).Append('\n');
        sb.Append("Pages per block:  ").Append(Decimal(machine.Geometry.PageblockNrPages)).Append('\n');
        sb.Append('\n');
        AppendFreeCounts(sb, machine, types);
        sb.Append('\n');
        AppendBlockCounts(sb, machine, types);
        return sb.ToString();
    }

    // MIGRATE_CMA exists only with CONFIG_CMA; the model always has the slot.
    private static MigrateType[] Types(bool cmaConfigured) => cmaConfigured
        ? [MigrateType.Unmovable, MigrateType.Movable, MigrateType.Reclaimable, MigrateType.HighAtomic, MigrateType.Cma, MigrateType.Isolate]
        : [MigrateType.Unmovable, MigrateType.Movable, MigrateType.Reclaimable, MigrateType.HighAtomic, MigrateType.Isolate];

    // mirrors pagetypeinfo_showfree() and pagetypeinfo_showfree_print(), mm/vmstat.c, v7.2
    private static void AppendFreeCounts(StringBuilder sb, Machine machine, MigrateType[] types)
    {
        sb.Append(Left("Free pages count per migrate type at order", 43)).Append(' ');
        for (var order = 0; order <= machine.Geometry.MaxPageOrder; order++)
        {
            sb.Append(Right(order, 6)).Append(' ');
        }

        sb.Append('\n');
        foreach (var node in machine.Nodes)
        {
            foreach (var zone in Populated(node))
            {
                foreach (var mt in types)
                {
                    sb.Append("Node ").Append(Right(node.NodeId, 4)).Append(", zone ").Append(Right(zone.Name, 8))
                        .Append(", type ").Append(Right(MigrateTypes.Name(mt), 12)).Append(' ');
                    for (var order = 0; order <= machine.Geometry.MaxPageOrder; order++)
                    {
                        var count = zone.FreeListCount(order, mt);
                        sb.Append(count >= FreeCountCap ? ">" + Decimal(FreeCountCap) : Right(count, 6)).Append(' ');
                    }

                    sb.Append('\n');
                }
            }
        }
    }

    // mirrors pagetypeinfo_showblockcount() and pagetypeinfo_showblockcount_print(), mm/vmstat.c, v7.2
    private static void AppendBlockCounts(StringBuilder sb, Machine machine, MigrateType[] types)
    {
        sb.Append(Left("Number of blocks type ", 23));
        foreach (var mt in types)
        {
            sb.Append(Right(MigrateTypes.Name(mt), 12)).Append(' ');
        }

        sb.Append('\n');
        foreach (var node in machine.Nodes)
        {
            foreach (var zone in Populated(node))
            {
                sb.Append("Node ").Append(Decimal(node.NodeId)).Append(", zone ").Append(Right(zone.Name, 8)).Append(' ');
                foreach (var mt in types)
                {
                    sb.Append(Right(zone.PageblocksOfType(mt), 12)).Append(' ');
                }

                sb.Append('\n');
            }
        }
    }

    // populated_zone(): present pages, as walk_zones_in_node() checks.
    private static IEnumerable<Zone> Populated(PgData node) => node.Zones.Where(z => z.Spec.Present > 0);
}
