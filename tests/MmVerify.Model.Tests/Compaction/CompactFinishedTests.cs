using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// __compact_finished(), checked after each pageblock: for o = order .. MAX_PAGE_ORDER, SUCCESS if the
/// request's free list at o is not empty, or a movable request finds a CMA block, or a fallback block
/// may be claimed; under defrag_mode kcompactd instead needs the high watermark at the order in whole
/// pageblocks. 32-page zone with nothing to migrate: without SUCCESS the scanners meet (COMPLETE).
/// </summary>
public class CompactFinishedTests
{
    [Fact]
    public void A_free_block_of_the_maximum_order_ends_the_run_after_the_first_pageblock()
    {
        // Order 4 = MAX_PAGE_ORDER; 16..31 is one free order-4 block.
        var world = CompactionToy.World(32);
        CompactionToy.FreeRange(CompactionToy.Zone(world), 16, 16);

        var result = CompactZone.Run(world, Cc(4, MigrateType.Movable));

        Assert.Equal(CompactResult.Success, result);
        Assert.Equal([4, 4], world.Compaction[0][0].CachedMigrate);
    }

    [Fact]
    public void A_larger_free_block_of_the_requests_type_ends_the_run()
    {
        var world = CompactionToy.World(32);
        CompactionToy.FreeRange(CompactionToy.Zone(world), 16, 4);

        Assert.Equal(CompactResult.Success, CompactZone.Run(world, Cc(1, MigrateType.Movable)));
    }

    [Fact]
    public void Free_blocks_below_the_order_do_not_end_the_run()
    {
        var world = CompactionToy.World(32);
        CompactionToy.FreeRange(CompactionToy.Zone(world), 16, 2);

        Assert.Equal(CompactResult.Complete, CompactZone.Run(world, Cc(2, MigrateType.Movable)));
    }

    [Fact]
    public void A_movable_request_is_satisfied_by_a_free_CMA_block()
    {
        // The top pageblock is CMA and free: an order-2 block on the CMA list.
        var world = CompactionToy.World(32, cmaPages: 4);
        Assert.Equal(1, CompactionToy.Zone(world).FreeListCount(2, MigrateType.Cma));

        Assert.Equal(CompactResult.Success, CompactZone.Run(world, Cc(1, MigrateType.Movable)));
    }

    [Fact]
    public void An_unmovable_request_is_not_satisfied_by_a_free_CMA_block()
    {
        var world = CompactionToy.World(32, cmaPages: 4);

        Assert.Equal(CompactResult.Complete, CompactZone.Run(world, Cc(1, MigrateType.Unmovable)));
    }

    [Fact]
    public void An_unmovable_request_is_satisfied_by_a_movable_block_it_may_claim()
    {
        // A free order-2 block in a movable pageblock: find_suitable_fallback(claimable) finds it at o = 2.
        var world = CompactionToy.World(32);
        CompactionToy.FreeRange(CompactionToy.Zone(world), 16, 4);

        Assert.Equal(CompactResult.Success, CompactZone.Run(world, Cc(1, MigrateType.Unmovable)));
    }

    [Theory]
    [InlineData(false, 10, CompactResult.Complete)]
    [InlineData(false, 0, CompactResult.Success)]
    [InlineData(true, 10, CompactResult.Success)]
    public void Under_defrag_mode_kcompactd_needs_the_high_watermark_at_the_order(bool direct, long high, CompactResult expected)
    {
        // A free order-2 block (4 free pages in whole pageblocks). kcompactd under defrag_mode: SUCCESS only
        // if those 4 pages are above the high watermark; a direct run judges by the free lists (claimable).
        var world = CompactionToy.World(32);
        world.Sysctls.DefragMode = true;
        var zone = CompactionToy.Zone(world);
        CompactionToy.FreeRange(zone, 16, 4);
        zone.SetRawWatermarks(0, 0, high, high);
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Unmovable, Direct = direct };

        Assert.Equal(expected, CompactZone.Run(world, cc));
    }

    private static CompactControl Cc(int order, MigrateType mt) =>
        new() { Nid = 0, ZoneIndex = 0, Order = order, MigrateType = mt, Direct = true };
}
