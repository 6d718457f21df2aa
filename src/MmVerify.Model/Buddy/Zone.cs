using MmVerify.Model.Gfp;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Buddy;

/// <summary>
/// One zone (struct zone): its free area per order and migratetype, pageblock types,
/// watermarks, boost, lowmem_reserve and free counters.
/// Pages are addressed by zone-relative index; absolute pfn = StartPfn + index, and buddy
/// arithmetic uses the absolute pfn as the kernel does.
/// Per-page state lives in parallel arrays so that an alloc or free allocates nothing on the heap.
/// </summary>
public sealed partial class Zone
{
    private const int NoPage = -1;

    // Per page, one 12-byte record so that a list operation touches one cache line.
    private readonly PageFrame[] _pages;

    // Per free list, indexed by order * MigrateTypes.Count + type.
    private readonly int[] _head;
    private readonly int[] _tail;
    private readonly int[] _listCount;

    // Per order: free_area[order].nr_free (blocks, all types).
    private readonly long[] _nrFree;

    // Per pageblock: the 3 migratetype bits and the separate isolate bit (7.x).
    private readonly MigrateType[] _pageblockType;
    private readonly bool[] _pageblockIsolated;
    private readonly long _firstPageblock;

    // Copies of the geometry for the hot paths.
    private readonly int _maxOrder;
    private readonly int _pageblockOrder;

    // _watermark[WMARK_MIN .. WMARK_PROMO], without the boost.
    private readonly long[] _watermark = new long[4];

    public Zone(int nodeId, int zoneIndex, ZoneSpec spec, BuddyGeometry geometry, int nrZonesInNode, VmSysctls sysctls)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(sysctls);
        if (spec.Spanned > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), "a zone larger than 2^31 pages cannot be modelled page by page");
        }

        if (spec.Managed > spec.Spanned || spec.CmaPages > spec.Managed || spec.StartPfn < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), "need 0 <= cma <= managed <= spanned and start_pfn >= 0");
        }

        NodeId = nodeId;
        ZoneIndex = zoneIndex;
        Spec = spec;
        Geometry = geometry;
        _maxOrder = geometry.MaxPageOrder;
        _pageblockOrder = geometry.PageblockOrder;
        Sysctls = sysctls;
        LowmemReserve = new long[nrZonesInNode];

        var pages = (int)spec.Spanned;
        _pages = new PageFrame[pages];

        var lists = geometry.NrPageOrders * MigrateTypes.Count;
        _head = new int[lists];
        _tail = new int[lists];
        _listCount = new int[lists];
        Array.Fill(_head, NoPage);
        Array.Fill(_tail, NoPage);
        _nrFree = new long[geometry.NrPageOrders];

        _firstPageblock = spec.StartPfn >> geometry.PageblockOrder;
        var pageblocks = pages == 0 ? 0 : (int)(((spec.StartPfn + pages - 1) >> geometry.PageblockOrder) - _firstPageblock + 1);
        _pageblockType = new MigrateType[pageblocks];
        _pageblockIsolated = new bool[pageblocks];

        Array.Fill(_pcpHead, NoPage);
        Array.Fill(_pcpTail, NoPage);
        InitFreeMemory();
    }

    private Zone(Zone other, VmSysctls sysctls)
    {
        NodeId = other.NodeId;
        ZoneIndex = other.ZoneIndex;
        Spec = other.Spec;
        Geometry = other.Geometry;
        _maxOrder = other._maxOrder;
        _pageblockOrder = other._pageblockOrder;
        Sysctls = sysctls;
        LowmemReserve = (long[])other.LowmemReserve.Clone();
        _pages = (PageFrame[])other._pages.Clone();
        _head = (int[])other._head.Clone();
        _tail = (int[])other._tail.Clone();
        _listCount = (int[])other._listCount.Clone();
        _nrFree = (long[])other._nrFree.Clone();
        _pageblockType = (MigrateType[])other._pageblockType.Clone();
        _pageblockIsolated = (bool[])other._pageblockIsolated.Clone();
        _firstPageblock = other._firstPageblock;
        _watermark = (long[])other._watermark.Clone();
        WatermarkBoost = other.WatermarkBoost;
        Flags = other.Flags;
        NrFreePages = other.NrFreePages;
        NrFreeCmaPages = other.NrFreeCmaPages;
        NrFreeHighatomic = other.NrFreeHighatomic;
        NrFreePagesBlocks = other.NrFreePagesBlocks;
        NrReservedHighatomic = other.NrReservedHighatomic;
        _pcpHead = (int[])other._pcpHead.Clone();
        _pcpTail = (int[])other._pcpTail.Clone();
        _pcpListCount = (int[])other._pcpListCount.Clone();
        _pcpFreeCursor = other._pcpFreeCursor;
        PcpCount = other.PcpCount;
        PcpBatch = other.PcpBatch;
        PcpHigh = other.PcpHigh;
    }

    public int NodeId { get; }

    /// <summary>zone_idx(zone): the index in the node (ZONE_DMA = 0 ...).</summary>
    public int ZoneIndex { get; }

    public ZoneSpec Spec { get; }

    public ZoneKind Kind => Spec.Kind;

    public string Name => ZoneKinds.Name(Spec.Kind);

    public BuddyGeometry Geometry { get; }

    public VmSysctls Sysctls { get; }

    public long StartPfn => Spec.StartPfn;

    /// <summary>spanned pages: the length of the per-page arrays.</summary>
    public int SpannedPages => _pages.Length;

    /// <summary>zone_managed_pages().</summary>
    public long ManagedPages => Spec.Managed;

    public bool IsPopulated => Spec.Managed > 0;

    /// <summary>zone->lowmem_reserve[]: protection against allocations whose highest zone is j.</summary>
    public long[] LowmemReserve { get; }

    /// <summary>zone->watermark_boost.</summary>
    public long WatermarkBoost { get; internal set; }

    public ZoneFlags Flags { get; set; }

    /// <summary>NR_FREE_PAGES: free pages on every list except ISOLATE.</summary>
    public long NrFreePages { get; private set; }

    /// <summary>NR_FREE_CMA_PAGES: free pages on CMA lists (also inside NR_FREE_PAGES).</summary>
    public long NrFreeCmaPages { get; private set; }

    /// <summary>zone->nr_free_highatomic: free pages on HIGHATOMIC lists (also inside NR_FREE_PAGES).</summary>
    public long NrFreeHighatomic { get; private set; }

    /// <summary>NR_FREE_PAGES_BLOCKS: free pages in free blocks of order >= pageblock_order, not ISOLATE.</summary>
    public long NrFreePagesBlocks { get; private set; }

    /// <summary>zone->nr_reserved_highatomic: pages in pageblocks reserved as HIGHATOMIC.</summary>
    public long NrReservedHighatomic { get; private set; }

    /// <summary>The un-boosted _watermark[which].</summary>
    public long RawWatermark(WmarkIndex which) => _watermark[(int)which];

    internal void SetRawWatermarks(long min, long low, long high, long promo)
    {
        _watermark[0] = min;
        _watermark[1] = low;
        _watermark[2] = high;
        _watermark[3] = promo;

        // setup_per_zone_wmarks() ends with zone_pcp_update().
        SetupPageset();
    }

    // mirrors wmark_pages(), include/linux/mmzone.h, v7.2: every reader adds the boost
    public long WmarkPages(WmarkIndex which) => _watermark[(int)which] + WatermarkBoost;

    public long MinWmarkPages => WmarkPages(WmarkIndex.Min);

    public long LowWmarkPages => WmarkPages(WmarkIndex.Low);

    public long HighWmarkPages => WmarkPages(WmarkIndex.High);

    public long PromoWmarkPages => WmarkPages(WmarkIndex.Promo);

    /// <summary>A deep copy that reads the given sysctls (the copy's machine owns them).</summary>
    public Zone Clone(VmSysctls sysctls) => new(this, sysctls);

    private int ListIndex(int order, MigrateType mt) => (order * MigrateTypes.Count) + (int)mt;

    private long AbsolutePfn(int index) => StartPfn + index;
}
