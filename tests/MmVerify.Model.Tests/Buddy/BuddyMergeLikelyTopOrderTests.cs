using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// checks buddy_merge_likely(), mm/page_alloc.c: at MAX_PAGE_ORDER - 1 and above a freed block goes to the head
public class BuddyMergeLikelyTopOrderTests
{
    [Fact]
    public void A_block_freed_at_max_order_minus_1_goes_to_the_head_even_with_a_free_order_max_buddy_above()
    {
        // MAX_PAGE_ORDER 2: 16 pages are four order-2 blocks, all taken as eight order-1 blocks.
        var zone = Toy.Zone(16, new BuddyGeometry(2, 1));
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(2 * i, zone.Rmqueue(1, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon));
        }

        zone.FreePages(8, 1); // buddy 10 allocated: stays order 1
        zone.FreePages(4, 1);
        zone.FreePages(6, 1); // merges with 4 into an order-2 block at 4
        Assert.Equal([8], Toy.List(zone, 1, MigrateType.Movable));
        Assert.Equal([4], Toy.List(zone, 2, MigrateType.Movable));

        zone.FreePages(0, 1);

        // Page 0's order-2 parent (0-3) has the free order-2 buddy at 4, but order 1 >= MAX_PAGE_ORDER - 1:
        // buddy_merge_likely() returns false before looking, so the block goes to the head.
        Assert.Equal([0, 8], Toy.List(zone, 1, MigrateType.Movable));
    }
}
