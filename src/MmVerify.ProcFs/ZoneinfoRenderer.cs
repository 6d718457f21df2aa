using System.Text;
using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;
using static MmVerify.ProcFs.KernelPrintf;

namespace MmVerify.ProcFs;

/// <summary>
/// /proc/zoneinfo for a model machine: the part the model holds. Left out, because the model has no
/// such state: the per-node stats block, every zone counter other than the free counts (LRU sizes,
/// mlock, NUMA hits ...), the pagesets, and 7.2's reserved_highatomic/free_highatomic lines (their
/// exact layout is unconfirmed). node_unreclaimable prints 0: the model does not track kswapd failures.
/// </summary>
public static class ZoneinfoRenderer
{
    // mirrors zoneinfo_show_print(), mm/vmstat.c, v7.2, with every optional line of 7.2
    public static string Render(Machine machine) => Render(machine, ZoneinfoOptions.Linux7_2);

    // mirrors zoneinfo_show_print(), mm/vmstat.c, v7.2 (minus the unmodelled lines above)
    public static string Render(Machine machine, ZoneinfoOptions options)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(options);
        var sb = new StringBuilder();
        foreach (var node in machine.Nodes)
        {
            foreach (var zone in node.Zones)
            {
                AppendZone(sb, node.NodeId, zone, options);
            }
        }

        return sb.ToString();
    }

    // mirrors one zone of zoneinfo_show_print(), mm/vmstat.c, v7.2
    private static void AppendZone(StringBuilder sb, int nodeId, Zone zone, ZoneinfoOptions options)
    {
        sb.Append("Node ").Append(Decimal(nodeId)).Append(", zone ").Append(Right(zone.Name, 8)).Append('\n');
        Field(sb, "  pages free     ", zone.NrFreePages);
        if (options.Boost)
        {
            Field(sb, "        boost    ", zone.WatermarkBoost);
        }

        // The kernel prints the watermarks through wmark_pages(): boost included.
        Field(sb, "        min      ", zone.MinWmarkPages);
        Field(sb, "        low      ", zone.LowWmarkPages);
        Field(sb, "        high     ", zone.HighWmarkPages);
        if (options.Promo)
        {
            Field(sb, "        promo    ", zone.PromoWmarkPages);
        }

        Field(sb, "        spanned  ", zone.Spec.Spanned);
        Field(sb, "        present  ", zone.Spec.Present);
        Field(sb, "        managed  ", zone.ManagedPages);
        if (options.Cma)
        {
            Field(sb, "        cma      ", zone.Spec.CmaPages);
        }

        sb.Append("        protection: (").Append(string.Join(", ", zone.LowmemReserve.Select(Decimal))).Append(")\n");

        // populated_zone() tests present pages, not managed ones.
        if (zone.Spec.Present == 0)
        {
            return;
        }

        Counter(sb, "nr_free_pages", zone.NrFreePages);
        if (options.NrFreePagesBlocks)
        {
            Counter(sb, "nr_free_pages_blocks", zone.NrFreePagesBlocks);
        }

        Counter(sb, "nr_free_cma", zone.NrFreeCmaPages);
        Field(sb, "  node_unreclaimable:  ", 0);
        Field(sb, "  start_pfn:           ", zone.StartPfn);
    }

    private static void Field(StringBuilder sb, string label, long value) =>
        sb.Append(label).Append(Decimal(value)).Append('\n');

    // The zone and node counters use "%-12s %lu" under a six-space indent.
    private static void Counter(StringBuilder sb, string name, long value) =>
        sb.Append("      ").Append(Left(name, 12)).Append(' ').Append(Decimal(value)).Append('\n');
}
