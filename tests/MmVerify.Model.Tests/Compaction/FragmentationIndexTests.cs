using MmVerify.Model.Compaction;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>__fragmentation_index(), mm/vmstat.c, on a 16-page toy zone with 4-page pageblocks and MAX_PAGE_ORDER 4.</summary>
public class FragmentationIndexTests
{
    [Fact]
    public void Fragmentation_index_is_minus_1000_when_a_larger_block_is_free()
    {
        // One free order-4 block: suitable = 1 << (4 - 2) = 4 > 0, so -1000 for order 2.
        var zone = Toy16();
        CompactionToy.FreeRange(zone, 0, 16);

        Assert.Equal(-1000, CompactionSuitability.FragmentationIndex(zone, 2));
    }

    [Fact]
    public void A_free_block_of_exactly_the_requested_order_is_suitable()
    {
        // Free: an order-2 block at 0 (its buddy 4..7 is allocated) and page 9 (buddy 8 allocated).
        // Order 2: suitable = 1, so -1000. Were the order-2 block not counted, the index would be
        // 1000 - (1000 + 5 * 1000 / 4) / 2 = 1000 - 1125 = -125.
        var zone = Toy16();
        CompactionToy.FreeRange(zone, 0, 4);
        CompactionToy.Free(zone, 9);

        Assert.Equal(-1000, CompactionSuitability.FragmentationIndex(zone, 2));
    }

    [Fact]
    public void A_free_block_of_the_maximum_order_is_counted()
    {
        // The only free block is of order MAX_PAGE_ORDER (4): total 1, suitable 1, so -1000 (not the
        // 0 of a zone whose free blocks were all missed).
        var zone = Toy16();
        CompactionToy.FreeRange(zone, 0, 16);

        Assert.Equal(-1000, CompactionSuitability.FragmentationIndex(zone, 4));
    }

    [Fact]
    public void Without_a_suitable_block_the_index_follows_the_integer_formula()
    {
        // Free: pages 0, 5, 9 (their buddies 1, 4, 8 are allocated) and the order-1 block 12..13
        // (buddy 14..15 allocated). For order 2: total = 4 blocks, free = 5 pages, suitable = 0, so
        // 1000 - (1000 + 5 * 1000 / 4) / 4 = 1000 - (1000 + 1250) / 4 = 1000 - 562 = 438.
        var zone = Toy16();
        CompactionToy.Free(zone, 0, 5, 9, 12, 13);
        Assert.Equal([3L, 1, 0, 0, 0], Support.Toy.BuddyInfo(zone));

        Assert.Equal(438, CompactionSuitability.FragmentationIndex(zone, 2));
    }

    [Fact]
    public void A_zone_without_free_blocks_has_index_0()
    {
        var zone = Toy16();

        Assert.Equal(0, CompactionSuitability.FragmentationIndex(zone, 2));
    }

    private static Model.Buddy.Zone Toy16() => CompactionToy.FullZone(16);
}
