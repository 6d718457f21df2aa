using MmVerify.Model.Topology;

namespace MmVerify.ProcFs;

/// <summary>
/// One zone as /proc/zoneinfo printed it (zoneinfo_show_print). Watermarks include the boost,
/// as the kernel prints them. Promo is null where the kernel has no promo line (6.1).
/// </summary>
public sealed record ZoneinfoZone(
    int Node,
    ZoneKind Kind,
    int Line,
    long PagesFree,
    long Boost,
    long Min,
    long Low,
    long High,
    long? Promo,
    long Spanned,
    long Present,
    long Managed,
    long Cma,
    IReadOnlyList<long> Protection,
    long? StartPfn,
    long? NrFreePages,
    long? NrFreePagesBlocks,
    long? NrFreeCma,
    bool? NodeUnreclaimable)
{
    public string Name => ZoneKinds.Name(Kind);

    public bool IsPopulated => Managed > 0;

    /// <summary>Whether the zone had a boost line (kernels before 5.0 have none; Boost then reads 0).</summary>
    public bool HasBoostLine { get; init; } = true;

    /// <summary>Whether the zone had a cma line (older kernels have none; Cma then reads 0).</summary>
    public bool HasCmaLine { get; init; } = true;

    /// <summary>7.2's reserved_highatomic line (zone->nr_reserved_highatomic), where printed.</summary>
    public long? ReservedHighatomic { get; init; }

    /// <summary>7.2's free_highatomic line (zone->nr_free_highatomic), where printed.</summary>
    public long? FreeHighatomic { get; init; }
}

/// <summary>A whole /proc/zoneinfo: zones in file order (node by node, zone index order).</summary>
public sealed record Zoneinfo(IReadOnlyList<ZoneinfoZone> Zones)
{
    /// <summary>Whether the file printed promo lines (6.12+) or not (6.1).</summary>
    public bool HasPromo => Zones.Count > 0 && Zones.All(z => z.Promo.HasValue);

    /// <summary>The zone of that kind on that node, or null if the file has none.</summary>
    public ZoneinfoZone? Find(int node, ZoneKind kind) => Zones.FirstOrDefault(z => z.Node == node && z.Kind == kind);

    /// <summary>The memory layout the file describes, for the model.</summary>
    public MachineSpec ToMachineSpec() => new(Zones
        .GroupBy(z => z.Node)
        .OrderBy(g => g.Key)
        .Select(g => new NodeSpec(g.Key, g
            .Select(z => new ZoneSpec(z.Kind, z.StartPfn ?? 0, z.Spanned, z.Present, z.Managed, z.Cma))
            .ToArray()))
        .ToArray());
}
