using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// Where compact_zone() starts its scanners and whether the run counts as whole-zone (mm/compaction.c):
/// migrate_pfn = compact_cached_migrate_pfn[sync], free_pfn = compact_cached_free_pfn, each reset to the
/// zone edge when outside the zone; whole_zone when the migrate scanner starts at the zone start (or
/// SYNC_FULL). When the scanners meet: COMPLETE for a whole-zone run, else PARTIAL_SKIPPED.
/// A 32-page zone at pfn 64 (pageblocks of 4), all allocated, nothing migratable: the migrate scanner
/// walks up to the free scanner's block and the scanners meet.
/// </summary>
public class CompactZoneStartTests
{
    private const int StartPfn = 64;

    [Theory]
    [InlineData(true, 8)]
    [InlineData(false, 16)]
    public void Async_and_sync_runs_resume_from_their_own_cached_migrate_position(bool async, int expectedStart)
    {
        // cached_migrate_pfn[0] (async) = 8, [1] (sync) = 16.
        var world = CompactionToy.World(32, startPfn: StartPfn);
        var state = world.Compaction[0][0];
        state.CachedMigrate[0] = 8;
        state.CachedMigrate[1] = 16;

        var result = CompactZone.Run(world, Cc(async));

        Assert.Equal(StartPfn + expectedStart, Begin(world).MigratePfn);
        Assert.Equal(CompactResult.PartialSkipped, result);
    }

    [Fact]
    public void A_run_from_the_zone_start_to_the_zone_end_is_complete_and_forgets_the_cached_positions()
    {
        var world = CompactionToy.World(32, startPfn: StartPfn);
        var state = world.Compaction[0][0];

        var result = CompactZone.Run(world, Cc(async: false));

        Assert.Equal(CompactResult.Complete, result);
        var begin = Begin(world);
        Assert.Equal(StartPfn, begin.MigratePfn);
        Assert.Equal(StartPfn + 28, begin.FreePfn);

        // reset_cached_positions(): the next run starts at the zone edges again.
        Assert.Equal([-1, -1], state.CachedMigrate);
        Assert.Equal(-1, state.CachedFree);
    }

    [Fact]
    public void A_run_resumed_from_a_cached_migrate_position_is_partial_even_if_the_free_scanner_starts_at_the_end()
    {
        // Sync migrate scanner cached at 8 (not the zone start), free scanner fresh: not whole_zone.
        var world = CompactionToy.World(32, startPfn: StartPfn);
        world.Compaction[0][0].CachedMigrate[1] = 8;

        var result = CompactZone.Run(world, Cc(async: false));

        Assert.Equal(StartPfn + 28, Begin(world).FreePfn);
        Assert.Equal(CompactResult.PartialSkipped, result);
    }

    [Fact]
    public void A_run_from_the_zone_start_is_complete_even_when_the_free_scanner_resumes_lower()
    {
        // compact_zone(): whole_zone = cc->migrate_pfn <= compact_init_migrate_pfn, the free scanner plays no part.
        var world = CompactionToy.World(32, startPfn: StartPfn);
        world.Compaction[0][0].CachedFree = 16;

        var result = CompactZone.Run(world, Cc(async: false));

        Assert.Equal(StartPfn + 16, Begin(world).FreePfn);
        Assert.Equal(CompactResult.Complete, result);
    }

    [Fact]
    public void A_cached_migrate_position_in_the_last_pageblock_is_inside_the_zone_and_kept()
    {
        // 28 < zone end 32: kept. The migrate scanner is already in the free scanner's block: they meet at once.
        var world = CompactionToy.World(32, startPfn: StartPfn);
        world.Compaction[0][0].CachedMigrate[1] = 28;

        var result = CompactZone.Run(world, Cc(async: false));

        Assert.Equal(StartPfn + 28, Begin(world).MigratePfn);
        Assert.Equal(CompactResult.PartialSkipped, result);
    }

    [Fact]
    public void Cached_positions_beyond_the_zone_restart_at_the_zone_edges()
    {
        // migrate 32 >= zone end: zone start; free 36 >= zone end: last pageblock (28). Whole zone.
        var world = CompactionToy.World(32, startPfn: StartPfn);
        var state = world.Compaction[0][0];
        state.CachedMigrate[1] = 32;
        state.CachedFree = 36;

        var result = CompactZone.Run(world, Cc(async: false));

        var begin = Begin(world);
        Assert.Equal(StartPfn, begin.MigratePfn);
        Assert.Equal(StartPfn + 28, begin.FreePfn);
        Assert.Equal(CompactResult.Complete, result);
    }

    [Fact]
    public void A_full_sync_run_scans_the_whole_zone_whatever_the_cached_positions()
    {
        // SYNC_FULL (ignore_skip_hint): whole_zone, scanners at the zone edges.
        var world = CompactionToy.World(32, startPfn: StartPfn);
        var state = world.Compaction[0][0];
        state.CachedMigrate[1] = 8;
        state.CachedFree = 16;

        var result = CompactZone.Run(world, new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true, IgnoreSkipHint = true });

        var begin = Begin(world);
        Assert.Equal(StartPfn, begin.MigratePfn);
        Assert.Equal(StartPfn + 28, begin.FreePfn);
        Assert.Equal(CompactResult.Complete, result);
    }

    private static CompactControl Cc(bool async) =>
        new() { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Async = async, Direct = true };

    private static CompactionBeginEvent Begin(World world) => CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>().Single();
}
