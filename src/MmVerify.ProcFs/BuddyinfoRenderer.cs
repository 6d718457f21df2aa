using System.Text;
using MmVerify.Model.Topology;
using static MmVerify.ProcFs.KernelPrintf;

namespace MmVerify.ProcFs;

/// <summary>/proc/buddyinfo for a model machine.</summary>
public static class BuddyinfoRenderer
{
    // mirrors frag_show_print(), mm/vmstat.c, v7.2 (walked over populated zones only)
    public static string Render(Machine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var sb = new StringBuilder();
        foreach (var node in machine.Nodes)
        {
            foreach (var zone in node.Zones.Where(z => z.Spec.Present > 0))
            {
                sb.Append("Node ").Append(Decimal(node.NodeId)).Append(", zone ").Append(Right(zone.Name, 8)).Append(' ');
                for (var order = 0; order <= machine.Geometry.MaxPageOrder; order++)
                {
                    sb.Append(Right(zone.NrFree(order), 6)).Append(' ');
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }
}
