using MmVerify.Model.Buddy;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// memblock_free_pages() -> __free_pages_core(): the managed range is released in the largest blocks that
// are aligned to their order and fit in what is left of the zone.
public class BootFreeBlockTests
{
    private static readonly BuddyGeometry Geometry4 = new(4, 2);

    [Fact]
    public void The_end_of_a_zone_shorter_than_a_max_order_block_is_freed_in_a_smaller_block()
    {
        // pfn 0-15: an order-4 block; pfn 16-23: 8 pages left, so order 3 (order 4 would not fit).
        var zone = Toy.Zone(24, Geometry4);

        Assert.Equal(new long[] { 0, 0, 0, 1, 1 }, Toy.BuddyInfo(zone));
        Assert.Equal(new[] { 16 }, Toy.List(zone, 3, MigrateType.Movable));
        Assert.Equal(new[] { 0 }, Toy.List(zone, 4, MigrateType.Movable));
    }

    [Fact]
    public void Pages_above_unmanaged_ones_are_freed_in_blocks_aligned_to_their_order()
    {
        // 3 unmanaged pages at the bottom: pfn 3 is odd (order 0), pfn 4 is 4-aligned (order 2),
        // pfn 8 is 8-aligned with 8 pages left (order 3).
        var zone = Toy.Zone(16, Geometry4, managed: 13);

        Assert.Equal(new long[] { 1, 0, 1, 1, 0 }, Toy.BuddyInfo(zone));
        Assert.Equal(new[] { 3 }, Toy.List(zone, 0, MigrateType.Movable));
        Assert.Equal(new[] { 4 }, Toy.List(zone, 2, MigrateType.Movable));
        Assert.Equal(new[] { 8 }, Toy.List(zone, 3, MigrateType.Movable));
        Assert.Equal(13, zone.NrFreePages);
    }
}
