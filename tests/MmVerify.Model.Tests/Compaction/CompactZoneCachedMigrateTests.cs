using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// update_cached_migrate(), mm/compaction.c: after a pageblock that isolated nothing, the cached migrate
/// position moves to the block's end, [0] (async) always, [1] (sync) only for a sync run, and never back.
/// 32-page zone; a free order-2 block at 16..19 lets an order-1 run succeed after its first pageblock.
/// </summary>
public class CompactZoneCachedMigrateTests
{
    [Theory]
    [InlineData(false, 4, 8, 12, 12)]
    [InlineData(false, 16, 8, 16, 12)]
    [InlineData(true, 8, 4, 12, 4)]
    [InlineData(true, 8, 12, 12, 12)]
    public void After_a_pageblock_that_isolated_nothing_the_cached_migrate_positions_move_past_it(bool async, int cached0, int cached1, int expected0, int expected1)
    {
        // The run starts at block 8 (the async run from [0] = 8, the sync runs from [1] = 8),
        // finds nothing to migrate there and then sees the free order-2 block: SUCCESS.
        // Block end = 12: [0] = max([0], 12); [1] = max([1], 12) for sync only.
        var world = CompactionToy.World(32);
        CompactionToy.FreeRange(CompactionToy.Zone(world), 16, 4);
        var state = world.Compaction[0][0];
        state.CachedMigrate[0] = cached0;
        state.CachedMigrate[1] = cached1;

        var result = CompactZone.Run(world, new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true, Async = async });

        Assert.Equal(CompactResult.Success, result);
        Assert.Equal(8, CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>().Single().MigratePfn);
        Assert.Equal([expected0, expected1], state.CachedMigrate);
    }

    [Fact]
    public void A_pageblock_pages_were_migrated_from_is_scanned_again_by_the_next_run()
    {
        // LRU page 0, free pages 1 and 29: the first run migrates page 0 and succeeds after block 0.
        // The cached positions stay at the zone start, so the next run starts at pfn 0 again.
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.LruPage(world, 0);
        CompactionToy.Free(zone, 1, 29);
        Assert.Equal(CompactResult.Success, CompactZone.Run(world, new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true }));

        CompactZone.Run(world, new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true });

        Assert.Equal(0, CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>().Last().MigratePfn);
    }
}
