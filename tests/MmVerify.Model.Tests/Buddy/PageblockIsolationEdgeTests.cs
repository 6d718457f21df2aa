using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// checks move_freepages_block_isolate() and unset_migratetype_isolate(), mm/page_alloc.c and mm/page_isolation.c,
// where the pageblock is not one whole free buddy
public class PageblockIsolationEdgeTests
{
    private static readonly BuddyGeometry Geometry = new(3, 2);

    private static int Take(Zone zone, int order) => zone.Rmqueue(order, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);

    [Fact]
    public void Unisolating_an_allocated_pageblock_leaves_it_allocated_though_its_buddy_is_free()
    {
        // 8 pages: the order-3 block splits into the allocated 0-3 and the free order-2 block at 4.
        var zone = Toy.Zone(8, Geometry);
        Assert.Equal(0, Take(zone, 2));
        Assert.True(zone.IsolatePageblock(0));

        Assert.True(zone.UnisolatePageblock(0));

        // The first page is not a free head: nothing to put back and merge.
        Assert.Equal(PageState.AllocatedHead, zone.StateAt(0));
        Assert.Equal(4, zone.NrFreePages);
        Assert.Equal([4], Toy.List(zone, 2, MigrateType.Movable));
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(0));
    }

    [Fact]
    public void An_unisolated_free_pageblock_with_an_allocated_buddy_moves_back_to_the_tail()
    {
        // 16 pages as four allocated order-2 blocks; 8 then 0 freed (neither buddy free): MOVABLE order 2 is [0, 8].
        var zone = Toy.Zone(16, Geometry);
        Assert.Equal([0, 4, 8, 12], Enumerable.Range(0, 4).Select(_ => Take(zone, 2)).ToArray());
        zone.FreePages(8, 2);
        zone.FreePages(0, 2);
        Assert.True(zone.IsolatePageblock(2));
        Assert.Equal([0], Toy.List(zone, 2, MigrateType.Movable));

        Assert.True(zone.UnisolatePageblock(2));

        // Buddy 12 is allocated: no re-free through __free_one_page, just move_to_free_list, which adds at the tail.
        Assert.Equal([0, 8], Toy.List(zone, 2, MigrateType.Movable));
        Assert.Equal(8, zone.NrFreePages);
    }

    [Fact]
    public void A_free_block_smaller_than_the_pageblock_is_moved_as_it_is()
    {
        // 8 pages: 0-3 taken one by one, then 0 and 1 freed: an order-1 block at 0, order-2 at 4.
        var zone = Toy.Zone(8, Geometry);
        Assert.Equal([0, 1, 2, 3], Enumerable.Range(0, 4).Select(_ => Take(zone, 0)).ToArray());
        zone.FreePages(0, 0);
        zone.FreePages(1, 0);
        Assert.Equal([0], Toy.List(zone, 1, MigrateType.Movable));

        Assert.True(zone.IsolatePageblock(0));

        // Only buddies above pageblock_order are split; the order-1 block keeps its order on the ISOLATE list.
        Assert.Equal([0], Toy.List(zone, 1, MigrateType.Isolate));
        Assert.Equal(new long[] { 0, 1, 1, 0 }, Toy.BuddyInfo(zone));
        Assert.Equal(4, zone.NrFreePages);
    }

    [Fact]
    public void Splitting_a_larger_buddy_puts_the_unisolated_piece_at_the_head()
    {
        // 16 pages: taking order 2 from the order-3 block at 0 leaves 4 (order 2) and 8 (order 3).
        var zone = Toy.Zone(16, Geometry);
        Assert.Equal(0, Take(zone, 2));

        Assert.True(zone.IsolatePageblock(3));

        // 8-15 is split into pageblocks 8 and 12; 12 is isolated, 8 is freed to the head (order 2 = MAX_PAGE_ORDER - 1:
        // buddy_merge_likely says no), in front of 4.
        Assert.Equal([8, 4], Toy.List(zone, 2, MigrateType.Movable));
        Assert.Equal([12], Toy.List(zone, 2, MigrateType.Isolate));
    }

    [Fact]
    public void The_isolate_type_is_a_separate_bit_not_a_pageblock_type()
    {
        var zone = Toy.Zone(8, Geometry);

        var e = Assert.Throws<ArgumentException>(() => zone.SetPageblockMigratetype(0, MigrateType.Isolate));

        Assert.Equal("mt", e.ParamName);
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(0));
    }
}
