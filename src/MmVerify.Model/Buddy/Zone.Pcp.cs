using MmVerify.Model.Gfp;

namespace MmVerify.Model.Buddy;

// The per-CPU page lists of one CPU (struct per_cpu_pages), mm/page_alloc.c, v7.2. The model keeps a
// single CPU's lists per zone: pages freed there stay off the buddy (and out of NR_FREE_PAGES) until a
// batch is flushed, and allocations of pcp orders are served from them, refilled a batch at a time.
public sealed partial class Zone
{
    private const int PcpTypes = MigrateTypes.PcpTypes;

    // Lists indexed by order slot (0-3, then pageblock order) times migratetype; links reuse PageFrame.Next/Prev.
    private readonly int[] _pcpHead = new int[5 * PcpTypes];
    private readonly int[] _pcpTail = new int[5 * PcpTypes];
    private readonly int[] _pcpListCount = new int[5 * PcpTypes];
    private int _pcpFreeCursor;

    /// <summary>pcp->count: pages on the per-CPU lists.</summary>
    public long PcpCount { get; private set; }

    /// <summary>pcp->batch.</summary>
    public int PcpBatch { get; private set; } = 1;

    /// <summary>pcp->high.</summary>
    public long PcpHigh { get; private set; }

    /// <summary>The last free flushed a batch from the pcp lists to the buddy (the hook for ZONE_BELOW_HIGH).</summary>
    public bool PcpFlushedOnLastFree { get; private set; }

    private bool PcpEnabled => Sysctls.PerCpuPages;

    // mirrors pcp_allowed_order(), mm/page_alloc.c, v7.2: orders up to PAGE_ALLOC_COSTLY_ORDER, and THP
    public bool PcpAllowedOrder(int order) => order <= BuddyGeometry.CostlyOrder || order == Geometry.PageblockOrder;

    private int PcpIndex(int order, MigrateType mt) =>
        ((order <= BuddyGeometry.CostlyOrder ? order : 4) * PcpTypes) + (int)mt;

    // mirrors zone_batchsize() + zone_highsize(), mm/page_alloc.c, v7.2, for one CPU
    internal void SetupPageset()
    {
        var inner = Math.Min(ManagedPages >> 12, 64) * 3 / 2;
        PcpBatch = inner <= 1 ? 1 : (int)(System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)inner + 1) >> 1) - 1;
        if (PcpBatch < 1)
        {
            PcpBatch = 1;
        }

        PcpHigh = Math.Max(RawWatermark(WmarkIndex.Low), 4L * PcpBatch);
    }

    // mirrors rmqueue_pcplist() -> __rmqueue_pcplist(), mm/page_alloc.c, v7.2
    private int RmqueuePcplist(int order, MigrateType mt, AllocFlags allocFlags)
    {
        var pi = PcpIndex(order, mt);
        if (_pcpHead[pi] == NoPage)
        {
            // nr_pcp_alloc(): the batch, scaled down for higher orders.
            var batch = order == 0 ? PcpBatch : Math.Max(PcpBatch >> order, 2);
            RmqueueBulk(order, batch, mt, allocFlags, pi);
            if (_pcpHead[pi] == NoPage)
            {
                return NoPage;
            }
        }

        var page = _pcpHead[pi];
        PcpUnlink(page, pi);
        PcpCount -= 1L << order;
        return page;
    }

    // mirrors rmqueue_bulk(), mm/page_alloc.c, v7.2: __rmqueue remembers which fallback step worked
    private void RmqueueBulk(int order, int count, MigrateType mt, AllocFlags allocFlags, int pi)
    {
        var mode = RmqueueMode.Normal;
        for (var i = 0; i < count; i++)
        {
            var page = RmqueueCore(order, mt, allocFlags, ref mode);
            if (page == NoPage)
            {
                break;
            }

            PcpLink(page, order, pi, tail: true);
            PcpCount += 1L << order;
        }
    }

    // mirrors free_frozen_page_commit(), mm/page_alloc.c, v7.2: onto the pcp list, a batch back when high
    private void FreeToPcp(int index, int order)
    {
        var mt = PageblockMigratetypeOfPage(index);
        if (mt == MigrateType.Isolate)
        {
            SplitLargeBuddy(index, order, FreeFlags.None);
            return;
        }

        // HIGHATOMIC and CMA pages ride on the MOVABLE list; their block type is read again at flush.
        if ((int)mt >= PcpTypes)
        {
            mt = MigrateType.Movable;
        }

        PcpLink(index, order, PcpIndex(order, mt), tail: false);
        PcpCount += 1L << order;
        if (PcpCount >= PcpHigh)
        {
            FreePcppagesBulk(Math.Max(PcpBatch, PcpCount - PcpHigh + PcpBatch));
            PcpFlushedOnLastFree = true;
        }
    }

    // mirrors free_pcppages_bulk(), mm/page_alloc.c, v7.2: round-robin over the lists, oldest pages first
    private void FreePcppagesBulk(long count)
    {
        while (count > 0 && PcpCount > 0)
        {
            int pi;
            do
            {
                pi = _pcpFreeCursor;
                _pcpFreeCursor = (_pcpFreeCursor + 1) % _pcpHead.Length;
            }
            while (_pcpHead[pi] == NoPage);

            var page = _pcpTail[pi];
            int order = _pages[page].Order;
            PcpUnlink(page, pi);
            PcpCount -= 1L << order;
            count -= 1L << order;
            FreeOnePage(page, order, PageblockMigratetypeOfPage(page), FreeFlags.None);
        }
    }

    /// <summary>Returns every pcp page to the buddy.</summary>
    // mirrors drain_pages_zone(), mm/page_alloc.c, v7.2
    public void DrainPages() => FreePcppagesBulk(PcpCount);

    private void PcpLink(int index, int order, int pi, bool tail)
    {
        ref var page = ref _pages[index];
        page.State = PageState.PcpHead;
        page.Order = (sbyte)order;
        page.ListType = (MigrateType)(pi % PcpTypes);
        page.Owner = PageOwner.None;
        if (_pcpHead[pi] == NoPage)
        {
            page.Next = page.Prev = NoPage;
            _pcpHead[pi] = _pcpTail[pi] = index;
        }
        else if (tail)
        {
            _pages[_pcpTail[pi]].Next = index;
            page.Prev = _pcpTail[pi];
            page.Next = NoPage;
            _pcpTail[pi] = index;
        }
        else
        {
            _pages[_pcpHead[pi]].Prev = index;
            page.Next = _pcpHead[pi];
            page.Prev = NoPage;
            _pcpHead[pi] = index;
        }

        _pcpListCount[pi]++;
    }

    private void PcpUnlink(int index, int pi)
    {
        ref var page = ref _pages[index];
        if (page.Prev == NoPage)
        {
            _pcpHead[pi] = page.Next;
        }
        else
        {
            _pages[page.Prev].Next = page.Next;
        }

        if (page.Next == NoPage)
        {
            _pcpTail[pi] = page.Prev;
        }
        else
        {
            _pages[page.Next].Prev = page.Prev;
        }

        page.Next = page.Prev = NoPage;
        page.State = PageState.Tail;
        _pcpListCount[pi]--;
    }

    /// <summary>The pages on one pcp list (order slot 0-3 or 4 for pageblock order), head first.</summary>
    public IEnumerable<int> PcpListPages(int order, MigrateType mt)
    {
        var pi = PcpIndex(order, mt);
        var limit = (long)_pcpListCount[pi] + 1;
        for (var page = _pcpHead[pi]; page != NoPage && limit-- > 0; page = _pages[page].Next)
        {
            yield return page;
        }
    }
}
