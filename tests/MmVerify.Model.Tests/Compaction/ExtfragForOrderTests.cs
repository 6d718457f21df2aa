using MmVerify.Model.Compaction;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>extfrag_for_order(), mm/vmstat.c: the percentage of free memory in blocks smaller than the order.</summary>
public class ExtfragForOrderTests
{
    [Fact]
    public void Extfrag_is_the_share_of_free_pages_in_blocks_below_the_order()
    {
        // Free: page 0 (buddy 1 allocated), the order-2 block 4..7 (buddy 0..3 not all free), page 9
        // (buddy 8 allocated) and the order-1 block 12..13 (buddy 14..15 allocated): 8 free pages.
        // Order 2: suitable = 1 block, (8 - 1 * 4) * 100 / 8 = 50.
        // Order 1: suitable = 1 (the order-1 block) + 2 (the order-2 block) = 3, (8 - 3 * 2) * 100 / 8 = 25.
        // Order 3: suitable = 0, (8 - 0) * 100 / 8 = 100.
        var zone = CompactionToy.FullZone(16);
        CompactionToy.Free(zone, 0, 4, 5, 6, 7, 9, 12, 13);
        Assert.Equal([2L, 1, 1, 0, 0], Support.Toy.BuddyInfo(zone));

        Assert.Equal(50, CompactionSuitability.ExtfragForOrder(zone, 2));
        Assert.Equal(25, CompactionSuitability.ExtfragForOrder(zone, 1));
        Assert.Equal(100, CompactionSuitability.ExtfragForOrder(zone, 3));
        Assert.Equal(0, CompactionSuitability.ExtfragForOrder(zone, 0));
    }

    [Fact]
    public void A_maximum_order_block_is_not_fragmented()
    {
        // One free order-4 block: free 16, suitable for order 4 = 1, (16 - 16) * 100 / 16 = 0.
        var zone = CompactionToy.FullZone(16);
        CompactionToy.FreeRange(zone, 0, 16);

        Assert.Equal(0, CompactionSuitability.ExtfragForOrder(zone, 4));
    }

    [Fact]
    public void A_maximum_order_block_counts_with_the_smaller_ones()
    {
        // A free order-4 block (0..15) and page 17: free 17; for order 1 the order-4 block is 8 suitable
        // blocks (16 pages): (17 - 16) * 100 / 17 = 5.
        var zone = CompactionToy.FullZone(32);
        CompactionToy.FreeRange(zone, 0, 16);
        CompactionToy.Free(zone, 17);

        Assert.Equal(5, CompactionSuitability.ExtfragForOrder(zone, 1));
    }

    [Fact]
    public void A_zone_without_free_pages_has_extfrag_0()
    {
        Assert.Equal(0, CompactionSuitability.ExtfragForOrder(CompactionToy.FullZone(16), 2));
    }
}
