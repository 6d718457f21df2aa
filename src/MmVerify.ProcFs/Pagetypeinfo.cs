namespace MmVerify.ProcFs;

/// <summary>
/// One free-list line of /proc/pagetypeinfo: nr_free of one (zone, migratetype) per order. Capped lists the
/// orders whose count the kernel stopped at 100000 and printed as "&gt;100000".
/// </summary>
public sealed record PagetypeinfoFreeRow(int Node, string Zone, string Type, IReadOnlyList<long> Counts, IReadOnlyList<int> Capped, int Line);

/// <summary>One "Number of blocks type" line: pageblocks of each migratetype in one zone.</summary>
public sealed record PagetypeinfoBlockRow(int Node, string Zone, IReadOnlyDictionary<string, long> Blocks, int Line);

/// <summary>A whole /proc/pagetypeinfo (without PAGE_OWNER's mixed-block table).</summary>
public sealed record Pagetypeinfo(
    int PageblockOrder,
    long PagesPerBlock,
    IReadOnlyList<PagetypeinfoFreeRow> Free,
    IReadOnlyList<string> BlockTypes,
    IReadOnlyList<PagetypeinfoBlockRow> Blocks);
