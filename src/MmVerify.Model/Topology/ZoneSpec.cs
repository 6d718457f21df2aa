namespace MmVerify.Model.Topology;

/// <summary>
/// The static size of one zone, as /proc/zoneinfo reports it: spanned = end_pfn - start_pfn,
/// present = spanned minus holes, managed = present minus reserved (what the buddy owns).
/// </summary>
public sealed record ZoneSpec(ZoneKind Kind, long StartPfn, long Spanned, long Present, long Managed, long CmaPages = 0)
{
    public bool IsPopulated => Managed > 0;

    public static ZoneSpec Flat(ZoneKind kind, long startPfn, long pages, long cmaPages = 0) =>
        new(kind, startPfn, pages, pages, pages, cmaPages);

    public static ZoneSpec Empty(ZoneKind kind) => new(kind, 0, 0, 0, 0);
}

/// <summary>One NUMA node: its zones in index order (the node's MAX_NR_ZONES is Zones.Count).</summary>
public sealed record NodeSpec(int Id, IReadOnlyList<ZoneSpec> Zones);

/// <summary>The machine's memory layout: nodes in id order.</summary>
public sealed record MachineSpec(IReadOnlyList<NodeSpec> Nodes)
{
    public IEnumerable<ZoneSpec> AllZones => Nodes.SelectMany(n => n.Zones);

    /// <summary>totalram_pages(): the sum of managed pages.</summary>
    public long TotalRamPages => AllZones.Sum(z => z.Managed);
}
