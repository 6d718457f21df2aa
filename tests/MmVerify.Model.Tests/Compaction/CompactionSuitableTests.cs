using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// compaction_suitable(), mm/compaction.c: enough free memory at watermark + compact_gap, and for a
/// costly order (> 3) a fragmentation index outside 0..extfrag_threshold (500). Watermarks are 0, so
/// the order-0 check is free > compact_gap(order) (7.2: min(2^(order + 1), 32)).
/// </summary>
public class CompactionSuitableTests
{
    [Fact]
    public void A_costly_order_is_not_suitable_when_the_fragmentation_index_equals_the_threshold()
    {
        // Free: order-3 blocks at 0, 16, 32 and order-2 blocks at 48, 64, 80, 96 (all buddies allocated).
        // Order 4: total 7, free 40, (1000 + 40 * 1000 / 16) / 7 = 3500 / 7 = 500, index 1000 - 500 = 500.
        // free 40 > compact_gap(4) = 32, so only the index decides: 0 <= 500 <= 500, not suitable.
        var world = CompactionToy.World(128);
        var zone = CompactionToy.Zone(world);
        FreeRanges(zone, (0, 8), (16, 8), (32, 8), (48, 4), (64, 4), (80, 4), (96, 4));
        Assert.Equal(500, CompactionSuitability.FragmentationIndex(zone, 4));

        Assert.False(CompactionSuitability.CompactionSuitable(world, zone, 4, 0, 0));
    }

    [Fact]
    public void A_costly_order_is_suitable_when_the_fragmentation_index_is_above_the_threshold()
    {
        // Free: order-3 blocks at 0, 16 and order-2 blocks at 32, 48, 64, 80, 96.
        // Order 4: total 7, free 36, (1000 + 36000 / 16) / 7 = 3250 / 7 = 464, index 536 > 500: suitable.
        var world = CompactionToy.World(128);
        var zone = CompactionToy.Zone(world);
        FreeRanges(zone, (0, 8), (16, 8), (32, 4), (48, 4), (64, 4), (80, 4), (96, 4));
        Assert.Equal(536, CompactionSuitability.FragmentationIndex(zone, 4));

        Assert.True(CompactionSuitability.CompactionSuitable(world, zone, 4, 0, 0));
    }

    [Fact]
    public void A_costly_order_is_not_suitable_when_the_fragmentation_index_is_exactly_0()
    {
        // MAX_PAGE_ORDER 6: two free order-5 blocks at 0 and 64 (buddies 32 and 96 allocated).
        // Order 6: total 2, free 64, (1000 + 64000 / 64) / 2 = 1000, index 0: lack of memory, not suitable.
        // free 64 > compact_gap(6) = 32.
        var world = CompactionToy.World(128, geometry: new BuddyGeometry(6, 2));
        var zone = CompactionToy.Zone(world);
        FreeRanges(zone, (0, 32), (64, 32));
        Assert.Equal(0, CompactionSuitability.FragmentationIndex(zone, 6));

        Assert.False(CompactionSuitability.CompactionSuitable(world, zone, 6, 0, 0));
    }

    [Fact]
    public void A_costly_order_is_suitable_when_the_fragmentation_index_is_negative()
    {
        // MAX_PAGE_ORDER 7: one free order-6 block at 0 (buddy 64..127 allocated). Order 7: total 1,
        // free 64, (1000 + 64000 / 128) / 1 = 1500, index -500: below 0, so suitable.
        // free 64 > compact_gap(7) = 32.
        var world = CompactionToy.World(256, geometry: new BuddyGeometry(7, 2));
        var zone = CompactionToy.Zone(world);
        FreeRanges(zone, (0, 64));
        Assert.Equal(-500, CompactionSuitability.FragmentationIndex(zone, 7));

        Assert.True(CompactionSuitability.CompactionSuitable(world, zone, 7, 0, 0));
    }

    [Fact]
    public void A_non_costly_order_ignores_the_fragmentation_index()
    {
        // Free: five order-2 blocks at 0, 8, 16, 24, 32. Order 3: total 5, free 20,
        // (1000 + 20000 / 8) / 5 = 700, index 300 would refuse a costly order; order 3 is not costly.
        // free 20 > compact_gap(3) = 16.
        var world = CompactionToy.World(128);
        var zone = CompactionToy.Zone(world);
        FreeRanges(zone, (0, 4), (8, 4), (16, 4), (24, 4), (32, 4));
        Assert.Equal(300, CompactionSuitability.FragmentationIndex(zone, 3));

        Assert.True(CompactionSuitability.CompactionSuitable(world, zone, 3, 0, 0));
    }

    [Fact]
    public void Without_enough_free_memory_no_order_is_suitable()
    {
        // Five order-2 blocks: free 20 is not above watermark 4 + compact_gap(3) = 20.
        var world = CompactionToy.World(128);
        var zone = CompactionToy.Zone(world);
        FreeRanges(zone, (0, 4), (8, 4), (16, 4), (24, 4), (32, 4));

        Assert.False(CompactionSuitability.CompactionSuitable(world, zone, 3, 4, 0));
        Assert.True(CompactionSuitability.CompactionSuitable(world, zone, 3, 3, 0));
    }

    private static void FreeRanges(Zone zone, params (int First, int Count)[] ranges)
    {
        foreach (var (first, count) in ranges)
        {
            CompactionToy.FreeRange(zone, first, count);
        }
    }
}
