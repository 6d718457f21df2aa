using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

public class SplitAndMergeTests
{
    private static readonly BuddyGeometry Geometry4 = new(4, 2);

    [Fact]
    public void Taking_order_0_from_an_order_3_block_leaves_orders_2_1_0_above_it()
    {
        // KERNEL.md 1.4: order 0 from an order-3 block at P leaves order 2 at P+4, 1 at P+2, 0 at P+1, returns P.
        var zone = Toy.Zone(8, new BuddyGeometry(3, 2));

        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);

        Assert.Equal(0, page);
        Assert.Equal([4], Toy.List(zone, 2, MigrateType.Movable));
        Assert.Equal([2], Toy.List(zone, 1, MigrateType.Movable));
        Assert.Equal([1], Toy.List(zone, 0, MigrateType.Movable));
        Assert.Equal(new long[] { 1, 1, 1, 0 }, Toy.BuddyInfo(zone));
        Assert.Equal(7, zone.NrFreePages);
    }

    [Fact]
    public void Freeing_the_page_merges_back_to_the_whole_block()
    {
        var zone = Toy.Zone(8, new BuddyGeometry(3, 2));
        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);

        zone.FreePages(page, 0);

        Assert.Equal(new long[] { 0, 0, 0, 1 }, Toy.BuddyInfo(zone));
        Assert.Equal(8, zone.NrFreePages);
        Assert.Equal(PageState.FreeHead, zone.StateAt(0));
        Assert.Equal(3, zone.OrderAt(0));
    }

    [Fact]
    public void Smallest_suitable_block_is_used_before_splitting_a_larger_one()
    {
        var zone = Toy.Zone(16, Geometry4);
        zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon); // splits: 8(o3) 4(o2) 2(o1) 1(o0)

        var second = zone.Rmqueue(1, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);

        Assert.Equal(2, second);
        Assert.Equal(new long[] { 1, 0, 1, 1, 0 }, Toy.BuddyInfo(zone));
    }

    [Fact]
    public void A_block_whose_parent_buddy_is_free_goes_to_the_tail()
    {
        // buddy_merge_likely: freeing page 5 while its buddy 4 is allocated and the order-1 block at 6 is free.
        var zone = Toy.Zone(16, Geometry4);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(i, zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon));
        }

        zone.FreePages(0, 0);
        zone.FreePages(3, 0);
        zone.FreePages(6, 0);
        zone.FreePages(7, 0); // merges with 6 into an order-1 block at 6, put at the head
        Assert.Equal([3, 0], Toy.List(zone, 0, MigrateType.Movable));
        Assert.Equal([6], Toy.List(zone, 1, MigrateType.Movable));

        zone.FreePages(5, 0);

        Assert.Equal([3, 0, 5], Toy.List(zone, 0, MigrateType.Movable));
    }

    [Fact]
    public void A_block_without_a_free_parent_buddy_goes_to_the_head()
    {
        var zone = Toy.Zone(16, Geometry4);
        for (var i = 0; i < 8; i++)
        {
            zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
        }

        zone.FreePages(0, 0);
        zone.FreePages(3, 0);

        Assert.Equal([3, 0], Toy.List(zone, 0, MigrateType.Movable));
    }

    [Fact]
    public void Merging_stops_at_max_page_order()
    {
        var zone = Toy.Zone(64, Geometry4); // four order-4 blocks, never merged further
        Assert.Equal(new long[] { 0, 0, 0, 0, 4 }, Toy.BuddyInfo(zone));
    }

    [Fact]
    public void Blocks_larger_than_a_pageblock_are_freed_pageblock_by_pageblock_and_remerge()
    {
        var zone = Toy.Zone(16, Geometry4);
        var page = zone.Rmqueue(4, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
        Assert.Equal(0, zone.NrFreePages);

        zone.FreePages(page, 4);

        Assert.Equal(new long[] { 0, 0, 0, 0, 1 }, Toy.BuddyInfo(zone));
    }

    [Fact]
    public void Zone_pages_outside_the_managed_range_never_merge()
    {
        // This machine's DMA zone: start_pfn 1, spanned 4095, managed 3840. The model puts the 255
        // unmanaged pages at the bottom, which reproduces the real buddyinfo row and counters.
        var zone = Toy.Zone(4095, BuddyGeometry.X86_64, startPfn: 1, managed: 3840);

        Assert.Equal(new long[] { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3 }, Toy.BuddyInfo(zone));
        Assert.Equal(3840, zone.NrFreePages);
        Assert.Equal(3584, zone.NrFreePagesBlocks);
    }

    [Fact]
    public void An_unaligned_zone_start_keeps_every_block_aligned_to_its_order()
    {
        var zone = Toy.Zone(13, Geometry4, startPfn: 3);

        foreach (var block in zone.Blocks().Where(b => b.State == PageState.FreeHead))
        {
            Assert.Equal(0, zone.PfnOf(block.Index) % (1L << block.Order));
        }

        Assert.Equal(13, zone.NrFreePages);
    }

    [Fact]
    public void Freeing_something_not_allocated_is_refused()
    {
        var zone = Toy.Zone(16, Geometry4);
        Assert.Throws<InvalidOperationException>(() => zone.FreePages(0, 0));
    }
}
