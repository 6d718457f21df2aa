using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// Compaction's free scanner takes free blocks through __isolate_free_page(): only a PageBuddy head of a
// large enough order, and, unless the block sits in an isolated pageblock, only while the zone stays above
// min + 2^order (isolated free pages are not counted in NR_FREE_PAGES, so taking them costs nothing).
public class FreeBlockIsolationTests
{
    private static readonly BuddyGeometry Geometry4 = new(4, 2);

    private static Zone FreshZone()
    {
        var zone = Toy.Zone(16, Geometry4); // one free order-4 block at 0, four pageblocks of 4 pages
        zone.SetRawWatermarks(0, 0, 0, 0);
        return zone;
    }

    [Fact]
    public void An_allocated_head_is_not_a_free_block_even_when_large_enough()
    {
        var zone = FreshZone();
        var head = zone.Rmqueue(2, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon); // page 0, order 2
        Assert.Equal(12, zone.NrFreePages);

        // PageBuddy is clear: refused although its order 2 >= 1 (kills || -> && in the first test).
        Assert.False(zone.IsolateFreeBlock(head, 1, PageOwner.None));

        Assert.Equal(12, zone.NrFreePages);
        Assert.Equal(PageState.AllocatedHead, zone.StateAt(head));
        Assert.Equal(PageOwner.LruAnon, zone.OwnerAt(head));
    }

    [Fact]
    public void A_tail_page_is_not_a_free_block()
    {
        var zone = FreshZone();

        // Page 1 is inside the free order-4 block; a tail has order 0, so only the PageBuddy test refuses it.
        Assert.False(zone.IsolateFreeBlock(1, 0, PageOwner.None));

        Assert.Equal(16, zone.NrFreePages);
        Assert.Equal(new long[] { 0, 0, 0, 0, 1 }, Toy.BuddyInfo(zone));
    }

    [Fact]
    public void A_free_block_of_an_isolated_pageblock_is_taken_below_the_min_watermark()
    {
        var zone = FreshZone();
        Assert.True(zone.IsolatePageblock(1)); // pages 4-7 move to the ISOLATE list, uncounted
        Assert.Equal(12, zone.NrFreePages);

        // min 100 is far above the 12 free pages: a counted block would be refused.
        zone.SetRawWatermarks(100, 100, 100, 100);
        Assert.False(zone.IsolateFreeBlock(0, 2, PageOwner.None));

        // The isolated block skips the check (kills mt != ISOLATE -> mt == ISOLATE) and changes no counter.
        Assert.True(zone.IsolateFreeBlock(4, 2, PageOwner.None));
        Assert.Equal(12, zone.NrFreePages);
        Assert.Equal(0, zone.FreeListCount(2, MigrateType.Isolate));
        Assert.Equal(PageState.AllocatedHead, zone.StateAt(4));
        Assert.Equal(2, zone.OrderAt(4));
    }

    [Fact]
    public void Taking_the_head_of_a_larger_block_leaves_the_rest_free_in_halves()
    {
        var zone = FreshZone();

        // 16 free > min 0 + 2: taken. The order-4 block splits like expand(): 8 at 8, 4 at 4, 2 at 2.
        Assert.True(zone.IsolateFreeBlock(0, 1, PageOwner.None));

        Assert.Equal(14, zone.NrFreePages);
        Assert.Equal(new long[] { 0, 1, 1, 1, 0 }, Toy.BuddyInfo(zone));
        Assert.Equal(new[] { 2 }, Toy.List(zone, 1, MigrateType.Movable));
        Assert.Equal(new[] { 4 }, Toy.List(zone, 2, MigrateType.Movable));
        Assert.Equal(new[] { 8 }, Toy.List(zone, 3, MigrateType.Movable));
    }
}
