using System.Globalization;
using System.Text;
using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Sim;
using MmVerify.Model.Gfp;

namespace MmVerify.Model.Tests.Support;

/// <summary>
/// What a kernel exposes of the model's state, as text: /proc/zoneinfo (watermarks, lowmem_reserve, per-zone
/// LRU sizes, pcp, highatomic reserve, CMA), /proc/buddyinfo and /proc/pagetypeinfo (free blocks per order
/// and migratetype, pageblocks per type), the kswapd and kcompactd wake parameters and CPU time
/// (tracepoints, /proc/PID/stat), compaction deferral (mm_compaction_defer_* tracepoints), swap
/// (/proc/meminfo), memcg usage and high events (memory.current, memory.events) and per-task RSS and OOM kills.
/// Internal bookkeeping that no interface shows is left out on purpose: the litmus references judge what a
/// user of the kernel could see, not the model's private fields.
/// </summary>
internal static class ProcView
{
    public static string Of(World world)
    {
        var s = new StringBuilder();
        foreach (var zone in world.Machine.Zones)
        {
            s.Append(CultureInfo.InvariantCulture, $"zone {zone.NodeId}/{zone.Name} wmark={zone.RawWatermark(WmarkIndex.Min)},{zone.RawWatermark(WmarkIndex.Low)},{zone.RawWatermark(WmarkIndex.High)},{zone.RawWatermark(WmarkIndex.Promo)}");
            s.Append(" reserve=").AppendJoin(',', zone.LowmemReserve);
            s.Append(CultureInfo.InvariantCulture, $" cma={zone.NrFreeCmaPages} highatomic={zone.NrFreeHighatomic}/{zone.NrReservedHighatomic} blocks={zone.NrFreePagesBlocks} flags={zone.Flags}");
            s.Append(CultureInfo.InvariantCulture, $" pcp={zone.PcpCount}/{zone.PcpHigh}/{zone.PcpBatch}");
            s.Append(" buddy=");
            for (var order = 0; order < zone.Geometry.NrPageOrders; order++)
            {
                s.Append(zone.NrFree(order)).Append(':');
                for (var mt = 0; mt < MigrateTypes.Count; mt++)
                {
                    s.Append(zone.FreeListCount(order, (MigrateType)mt)).Append(',');
                }
            }

            s.Append(" pageblocks=");
            for (var mt = 0; mt < MigrateTypes.Count; mt++)
            {
                s.Append(zone.PageblocksOfType((MigrateType)mt)).Append(',');
            }

            s.Append(" lru=");
            foreach (var list in Enum.GetValues<LruList>())
            {
                s.Append(world.Lru[zone.NodeId].ZoneSize(zone.ZoneIndex, list)).Append(',');
            }

            var compaction = world.Compaction[zone.NodeId][zone.ZoneIndex];
            s.Append(CultureInfo.InvariantCulture, $" compact={compaction.Considered},{compaction.DeferShift},{compaction.OrderFailed}\n");
        }

        foreach (var r in world.Reclaim)
        {
            s.Append(CultureInfo.InvariantCulture, $"kswapd order={r.KswapdOrder} zoneidx={r.KswapdHighestZoneidx} cpu={r.KswapdBusyNs} ");
            s.Append(CultureInfo.InvariantCulture, $"kcompactd order={r.KcompactdMaxOrder} zoneidx={r.KcompactdHighestZoneidx} sleeping={r.KcompactdSleeping} cpu={r.KcompactdBusyNs}\n");
        }

        s.Append(CultureInfo.InvariantCulture, $"swap={world.Swap.UsedPages}/{world.Swap.TotalPages}\n");
        foreach (var memcg in world.Memcgs)
        {
            s.Append(CultureInfo.InvariantCulture, $"memcg {memcg.Name} current={memcg.UsagePages} high={memcg.HighPages} events={memcg.HighEvents}\n");
        }

        foreach (var task in world.Tasks)
        {
            s.Append(CultureInfo.InvariantCulture, $"task {task.Pid} rss={task.LruPages}+{task.HeldPages} killed={task.Killed} node={task.Node}\n");
        }

        return s.ToString();
    }
}
