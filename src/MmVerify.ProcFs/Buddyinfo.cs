using MmVerify.Model.Topology;

namespace MmVerify.ProcFs;

/// <summary>One /proc/buddyinfo line: free_area[order].nr_free of one zone, order 0 first.</summary>
public sealed record BuddyinfoRow(int Node, ZoneKind Kind, IReadOnlyList<long> FreeBlocks, int Line)
{
    public string Name => ZoneKinds.Name(Kind);

    /// <summary>The free pages the blocks hold: sum of nr_free[order] * 2^order.</summary>
    public long FreePages => FreeBlocks.Select((n, order) => n << order).Sum();
}

/// <summary>A whole /proc/buddyinfo: one row per populated zone, in file order.</summary>
public sealed record Buddyinfo(IReadOnlyList<BuddyinfoRow> Rows)
{
    /// <summary>NR_PAGE_ORDERS as the file shows it (every row has this many columns).</summary>
    public int NrPageOrders => Rows.Count == 0 ? 0 : Rows[0].FreeBlocks.Count;

    /// <summary>The row of that zone, or null if the zone is not populated or absent.</summary>
    public BuddyinfoRow? Find(int node, ZoneKind kind) => Rows.FirstOrDefault(r => r.Node == node && r.Kind == kind);
}
