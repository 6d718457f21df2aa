using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Lru;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// PB_migrate_skip: a pageblock that isolated nothing is marked and later runs pass over it
/// (isolation_suitable()), except SYNC_FULL (ignore_skip_hint) and a zone whose deferral reached
/// the limit (compaction_restarting() clears the hints first).
/// Zone of 32 pages: an LRU page at 0, free pages 1 and 29; order 1: moving page 0 to 29 frees 0..1.
/// </summary>
public class CompactZoneSkipHintTests
{
    [Fact]
    public void A_full_sync_run_ignores_the_skip_hints()
    {
        var (world, state) = Setup();
        state.Skip![0] = true;
        state.Skip[7] = true;
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true, IgnoreSkipHint = true };

        var result = CompactZone.Run(world, cc);

        Assert.Equal(CompactResult.Success, result);
        Assert.True(world.Lru[0].OnLru(new FolioRef(0, 29)));
    }

    [Fact]
    public void Other_runs_pass_over_a_pageblock_marked_skip()
    {
        var (world, state) = Setup();
        state.Skip![0] = true;
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true };

        var result = CompactZone.Run(world, cc);

        Assert.Equal(CompactResult.Complete, result);
        Assert.Equal(0, cc.Migrated);
        Assert.True(world.Lru[0].OnLru(new FolioRef(0, 0)));
    }

    [Fact]
    public void The_free_scanner_passes_over_a_pageblock_marked_skip()
    {
        // Block 28 is marked: the free page 29 is not used; block 24 has free page 26 instead.
        var (world, state) = Setup();
        CompactionToy.Free(CompactionToy.Zone(world), 26);
        state.Skip![7] = true;
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true };

        CompactZone.Run(world, cc);

        Assert.True(world.Lru[0].OnLru(new FolioRef(0, 26)));
        Assert.Equal(PageState.FreeHead, CompactionToy.Zone(world).StateAt(29));
    }

    [Fact]
    public void Pageblocks_that_isolate_nothing_are_marked_skip()
    {
        // Nothing migratable: the migrate scanner marks blocks 0..24; block 28 is the free scanner's.
        var world = CompactionToy.World(32);
        CompactionToy.Free(CompactionToy.Zone(world), 29);

        CompactZone.Run(world, new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true });

        Assert.Equal([true, true, true, true, true, true, true, false], world.Compaction[0][0].Skip!);
    }

    [Fact]
    public void A_pageblock_a_folio_was_migrated_from_is_not_marked_skip()
    {
        var (world, state) = Setup();

        CompactZone.Run(world, new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true });

        Assert.False(state.Skip![0]);
    }

    [Fact]
    public void A_zone_deferred_to_the_limit_clears_its_skip_hints_before_the_run()
    {
        // compaction_restarting(): order >= order_failed, defer_shift = 6 and considered >= 64.
        var (world, state) = Setup();
        state.Skip![0] = true;
        state.DeferShift = ZoneCompactionState.MaxDeferShift;
        state.Considered = 64;
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true };

        var result = CompactZone.Run(world, cc);

        Assert.Equal(CompactResult.Success, result);
        Assert.Equal(1, cc.Migrated);
    }

    [Fact]
    public void A_pageblock_skipped_for_its_hint_leaves_the_cached_migrate_position_where_it_was()
    {
        // isolate_migratepages(): a block that fails isolation_suitable() is left with a plain continue, without
        // the update_cached_migrate() an unsuitable migration source gets (CompactZoneUnsuitableSourceTests).
        // Block 0 holds an LRU page and is marked skip; free pfn 16..17 is an order-1 block, so the async
        // order-1 run is finished (SUCCESS) right after block 0, and the next run starts at the zone start again.
        var (world, state) = Setup(16, 17);
        state.Skip![0] = true;
        var first = CompactionToy.DirectAsync(1);
        Assert.Equal(CompactResult.Success, CompactZone.Run(world, first));
        Assert.Equal(0, first.Migrated);

        CompactZone.Run(world, CompactionToy.DirectAsync(1));

        Assert.Equal(0, CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>().Last().MigratePfn);
    }


    // 32 pages, an LRU page at 0, the free pages given (1 and 29 unless said), no block marked skip yet.
    private static (Sim.World World, ZoneCompactionState State) Setup(params int[] free)
    {
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.LruPage(world, 0);
        CompactionToy.Free(zone, free.Length > 0 ? free : [1, 29]);
        var state = world.Compaction[0][0];
        state.Skip = new bool[zone.PageblockCount];
        return (world, state);
    }
}
