using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// checks expand(), mm/page_alloc.c, as reached from __isolate_free_page(): the split-off upper halves go to the head of their lists
public class IsolateFreeBlockExpandTests
{
    [Fact]
    public void Taking_the_head_of_a_larger_free_block_puts_the_remainders_before_older_blocks()
    {
        // One order-4 block; taking page 0 leaves 8 (order 3), 4 (order 2), 2 (order 1), 1 (order 0).
        var zone = Toy.Zone(16, new BuddyGeometry(4, 2));
        zone.SetRawWatermarks(0, 0, 0, 0); // no min watermark in the way of __isolate_free_page
        Assert.Equal(0, zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon));

        Assert.True(zone.IsolateFreeBlock(8, 0, PageOwner.LruFile));

        // 8 is split down to order 0: 12, 10 and 9 are added at the head, in front of 4, 2 and 1.
        Assert.Equal([12, 4], Toy.List(zone, 2, MigrateType.Movable));
        Assert.Equal([10, 2], Toy.List(zone, 1, MigrateType.Movable));
        Assert.Equal([9, 1], Toy.List(zone, 0, MigrateType.Movable));
        Assert.Equal(PageState.AllocatedHead, zone.StateAt(8));
        Assert.Equal(14, zone.NrFreePages);
    }
}
