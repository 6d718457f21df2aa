using MmVerify.Model.Buddy;

namespace MmVerify.Model.Topology;

/// <summary>One node (pg_data_t): its zones in index order.</summary>
public sealed class PgData
{
    public PgData(int nodeId, Zone[] zones)
    {
        NodeId = nodeId;
        Zones = zones;
    }

    public int NodeId { get; }

    /// <summary>node_zones[]: index = zone_idx. MAX_NR_ZONES = Zones.Count.</summary>
    public IReadOnlyList<Zone> Zones { get; }

    /// <summary>pgdat->totalreserve_pages.</summary>
    public long TotalreservePages { get; internal set; }

    public PgData Clone(VmSysctls sysctls) =>
        new(NodeId, Zones.Select(z => z.Clone(sysctls)).ToArray()) { TotalreservePages = TotalreservePages };
}
