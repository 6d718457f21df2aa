using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// rmqueue_pcplist() / free_frozen_page_commit(): an empty pcp list is refilled from the buddy with
// nr_pcp_alloc() pages (batch at order 0, max(batch >> order, 2) blocks above, on the first refill);
// ALLOC_HIGHATOMIC requests, FPI_TO_TAIL frees and orders outside pcp_allowed_order() bypass the lists;
// frees go to the list of the pageblock's type (HIGHATOMIC and CMA ride on MOVABLE, an isolated pageblock
// goes straight to the buddy) and a batch returns to the buddy once the count reaches high.
public class PcpAllocAndFreeTests
{
    private const AllocFlags AtomicHighOrder = AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.HighAtomic | AllocFlags.Kswapd;

    private static Zone PcpZone(long pages) =>
        Toy.Machine(pages, BuddyGeometry.X86_64, perCpuPages: true).Nodes[0].Zones[0];

    [Theory]
    [InlineData(0, 15)] // batch 15 pages, one handed out
    [InlineData(1, 7)]  // max(15 >> 1, 2) = 7 blocks
    [InlineData(2, 3)]  // max(15 >> 2, 2) = 3 blocks
    [InlineData(3, 2)]  // max(15 >> 3, 2) = 2 blocks
    [InlineData(9, 2)]  // THP: max(15 >> 9, 2) = 2 blocks
    public void An_empty_pcp_list_is_refilled_with_a_batch_scaled_down_by_order(int order, int blocks)
    {
        var zone = PcpZone(65536); // batch 15, high = low watermark 97 (min 32 + 65)
        Assert.Equal(15, zone.PcpBatch);

        var page = zone.Rmqueue(order, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);

        Assert.True(page >= 0);
        Assert.Equal(65536 - ((long)blocks << order), zone.NrFreePages);
        Assert.Equal((long)(blocks - 1) << order, zone.PcpCount);
        Assert.Equal(blocks - 1, zone.PcpListPages(order, MigrateType.Movable).Count());
    }

    [Fact]
    public void The_next_allocation_is_served_from_the_pcp_list_without_touching_the_buddy()
    {
        var zone = PcpZone(65536);
        zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
        var free = zone.NrFreePages;

        zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);

        Assert.Equal(free, zone.NrFreePages);
        Assert.Equal(13, zone.PcpCount);
    }

    [Fact]
    public void A_high_order_atomic_request_bypasses_the_pcp_lists()
    {
        var zone = PcpZone(65536);

        var page = zone.Rmqueue(1, MigrateType.Movable, AtomicHighOrder, PageOwner.NetBuffer);

        Assert.True(page >= 0);
        Assert.Equal(0, zone.PcpCount);
        Assert.Equal(65536 - 2, zone.NrFreePages);
    }

    [Fact]
    public void Orders_outside_the_pcp_orders_are_allocated_and_freed_on_the_buddy()
    {
        var zone = PcpZone(65536);

        var page = zone.Rmqueue(4, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
        Assert.Equal(0, zone.PcpCount);
        Assert.Equal(65536 - 16, zone.NrFreePages);

        zone.FreePages(page, 4);
        Assert.Equal(0, zone.PcpCount);
        Assert.Equal(65536, zone.NrFreePages);
        Assert.Equal(64, zone.NrFree(10));
    }

    [Fact]
    public void A_free_to_the_tail_bypasses_the_pcp_lists()
    {
        var zone = PcpZone(65536);
        zone.Sysctls.PerCpuPages = false;
        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
        zone.Sysctls.PerCpuPages = true;

        zone.FreePages(page, 0, FreeFlags.ToTail);

        Assert.Equal(0, zone.PcpCount);
        Assert.Equal(65536, zone.NrFreePages);
    }

    [Fact]
    public void A_free_in_an_isolated_pageblock_goes_straight_to_the_buddy()
    {
        var zone = PcpZone(65536);
        zone.Sysctls.PerCpuPages = false;
        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon); // pfn 0
        zone.Sysctls.PerCpuPages = true;
        Assert.True(zone.IsolatePageblock(zone.PageblockOf(page)));
        var free = zone.NrFreePages;

        zone.FreePages(page, 0);

        // Not on a pcp list; on the buddy's ISOLATE lists, merged back to the whole pageblock, uncounted.
        Assert.Equal(0, zone.PcpCount);
        Assert.Equal(free, zone.NrFreePages);
        Assert.Equal(1, zone.FreeListCount(9, MigrateType.Isolate));
    }

    [Fact]
    public void A_highatomic_page_is_freed_onto_the_movable_pcp_list()
    {
        var zone = PcpZone(65536);
        var first = zone.Rmqueue(1, MigrateType.Unmovable, AtomicHighOrder, PageOwner.NetBuffer);
        zone.ReserveHighatomicPageblock(first, 1);
        var page = zone.Rmqueue(1, MigrateType.Unmovable, AtomicHighOrder, PageOwner.NetBuffer);
        Assert.Equal(MigrateType.HighAtomic, zone.PageblockMigratetypeOfPage(page));

        zone.FreePages(page, 1);

        Assert.Equal(new[] { page }, zone.PcpListPages(1, MigrateType.Movable).ToArray());
        Assert.Empty(zone.PcpListPages(1, MigrateType.Unmovable));
        Assert.Equal(2, zone.PcpCount);
    }

    [Fact]
    public void A_batch_returns_to_the_buddy_only_when_the_count_reaches_high()
    {
        var zone = PcpZone(16384); // batch 3
        zone.SetRawWatermarks(0, 20, 20, 20); // high = max(20, 12) = 20
        Assert.Equal(20, zone.PcpHigh);
        zone.Sysctls.PerCpuPages = false;
        var pages = Enumerable.Range(0, 20).Select(_ => zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon)).ToArray();
        zone.Sysctls.PerCpuPages = true;

        for (var i = 0; i < 19; i++)
        {
            zone.FreePages(pages[i], 0);
        }

        Assert.Equal(19, zone.PcpCount);
        Assert.Equal(16384 - 20, zone.NrFreePages);
        Assert.False(zone.PcpFlushedOnLastFree);

        zone.FreePages(pages[19], 0);

        // count 20 >= high 20: at least a batch goes back, at least a batch stays.
        Assert.True(zone.PcpFlushedOnLastFree);
        Assert.InRange(zone.PcpCount, 3, 20 - 3);
        Assert.Equal(16384, zone.NrFreePages + zone.PcpCount);

        zone.DrainPages();
        Assert.Equal(0, zone.PcpCount);
        Assert.Equal(16384, zone.NrFreePages);
        Assert.Equal(16, zone.NrFree(10));
    }
}
