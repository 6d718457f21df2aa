using MmVerify.Model.Compaction;
using MmVerify.Model.Gfp;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// __compaction_suitable(), mm/compaction.c: an order-0 watermark check at watermark + compact_gap(order),
/// plus (low - min) for a costly order, on the free count given. 7.2's compact_gap(order) = min(2^(order + 1), 32).
/// </summary>
public class CompactionSuitableFreeTests
{
    [Fact]
    public void The_order_0_check_is_at_the_watermark_plus_compact_gap()
    {
        // Order 2: w = 10 + (2 << 2) = 18; free must be above 18.
        var world = CompactionToy.World(64);
        var zone = CompactionToy.Zone(world);
        zone.SetRawWatermarks(5, 12, 20, 20);

        Assert.True(CompactionSuitability.CompactionSuitableFree(world, zone, 2, 10, 0, 19));
        Assert.False(CompactionSuitability.CompactionSuitableFree(world, zone, 2, 10, 0, 18));
    }

    [Fact]
    public void Order_3_is_not_costly_and_adds_no_low_minus_min()
    {
        // Order 3: w = 10 + 16 = 26.
        var world = CompactionToy.World(64);
        var zone = CompactionToy.Zone(world);
        zone.SetRawWatermarks(5, 12, 20, 20);

        Assert.True(CompactionSuitability.CompactionSuitableFree(world, zone, 3, 10, 0, 27));
        Assert.False(CompactionSuitability.CompactionSuitableFree(world, zone, 3, 10, 0, 26));
    }

    [Fact]
    public void A_costly_order_adds_the_distance_from_min_to_low()
    {
        // Order 4: w = 10 + min(32, 32) + (12 - 5) = 49.
        var world = CompactionToy.World(64);
        var zone = CompactionToy.Zone(world);
        zone.SetRawWatermarks(5, 12, 20, 20);
        Assert.Equal(5, zone.RawWatermark(WmarkIndex.Min));

        Assert.True(CompactionSuitability.CompactionSuitableFree(world, zone, 4, 10, 0, 50));
        Assert.False(CompactionSuitability.CompactionSuitableFree(world, zone, 4, 10, 0, 49));
    }
}
