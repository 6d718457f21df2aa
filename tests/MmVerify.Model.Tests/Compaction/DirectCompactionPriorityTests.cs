using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Compaction;

// checks try_to_compact_pages(), mm/compaction.c: the zones walked, what each priority passes to
// compaction_suit_allocation_order() and compact_zone(), and the stop on COMPACT_SUCCESS
public class DirectCompactionPriorityTests
{
    private static readonly int[] FiveSingles = [1, 9, 13, 17, 29];

    private static CompactResult Compact(World world, int order, CompactPriority priority, int highestZoneidx = 0) =>
        DirectCompaction.TryToCompactPages(world, 0, Gfp.Gfp.HighUserMovable, order, AllocFlags.None, highestZoneidx, priority, out _);

    private static CompactionBeginEvent[] Begins(World world) => CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>().ToArray();

    [Theory]
    // 128 pages, the top 32 CMA and free, four free single pages below. Order 4 without ALLOC_CMA:
    // async is gated out (4 free outside CMA, not above compact_gap(4) = 32); sync compacts, and
    // __compact_finished() reports SUCCESS for a MOVABLE request as a free order-4 CMA block exists.
    [InlineData(CompactPriority.Async, CompactResult.Skipped, 0)]
    [InlineData(CompactPriority.SyncLight, CompactResult.Success, 1)]
    public void Only_the_async_priority_gates_on_free_memory_outside_CMA(CompactPriority priority, CompactResult expected, int runs)
    {
        var world = CompactionToy.World(128, cmaPages: 32);
        CompactionToy.Free(CompactionToy.Zone(world), 1, 5, 9, 13);

        Assert.Equal(expected, Compact(world, 4, priority));
        Assert.Equal(runs, Begins(world).Length);
    }

    [Fact]
    public void In_defrag_mode_direct_compaction_still_counts_every_free_page()
    {
        // A free order-1 block and no whole free pageblock: only kcompactd counts NR_FREE_PAGES_BLOCKS
        // (0 here); the direct gate sees the order-1 block and reports SUCCESS without a run.
        var world = CompactionToy.World(32);
        world.Sysctls.DefragMode = true;
        CompactionToy.FreeRange(CompactionToy.Zone(world), 16, 2);

        Assert.Equal(CompactResult.Success, Compact(world, 1, CompactPriority.SyncLight));
        Assert.Empty(Begins(world));
    }

    [Fact]
    public void The_walk_starts_at_the_highest_zone_index_not_at_the_nodes_last_zone()
    {
        // highest_zoneidx 0: only DMA32 (full, SKIPPED) is looked at; Normal, worth compacting, is not.
        var world = CompactionToy.TwoZones(32, 32);
        CompactionToy.Free(world.ZonesOf(0)[1], FiveSingles);

        Assert.Equal(CompactResult.Skipped, Compact(world, 1, CompactPriority.SyncLight, highestZoneidx: 0));
        Assert.Empty(Begins(world));
    }

    [Fact]
    public void An_unpopulated_zone_is_passed_over_without_consulting_its_deferral()
    {
        // compaction_deferred() would count an attempt (compact_considered) on the deferred empty zone.
        var world = CompactionToy.TwoZones(0, 32);
        CompactionToy.Free(world.ZonesOf(0)[1], FiveSingles);
        world.Compaction[0][0].Defer(1);

        Assert.Equal(CompactResult.Complete, Compact(world, 1, CompactPriority.SyncLight, highestZoneidx: 1));
        Assert.Equal(0, world.Compaction[0][0].Considered);
    }

    [Theory]
    // SYNC_FULL ignores the skip hints and cached positions: the migrate scanner starts at the zone start.
    [InlineData(CompactPriority.SyncFull, 0)]
    [InlineData(CompactPriority.SyncLight, 8)]
    public void Only_sync_full_restarts_the_scanners_at_the_zone_edges(CompactPriority priority, long migratePfn)
    {
        var world = CompactionToy.World(32);
        CompactionToy.Free(CompactionToy.Zone(world), FiveSingles);
        world.Compaction[0][0].CachedMigrate[1] = 8;

        Compact(world, 1, priority);

        Assert.Equal(migratePfn, Begins(world).Single().MigratePfn);
    }

    [Fact]
    public void A_successful_zone_ends_the_walk_before_the_lower_zones()
    {
        // Zone 1 (Normal, pfn 32..63): an LRU page at 32 next to free page 33 moves up, making an order-1
        // block: SUCCESS. Zone 0 could be compacted too (five free single pages) but is not reached.
        var world = CompactionToy.TwoZones(32, 32);
        var (low, high) = (world.ZonesOf(0)[0], world.ZonesOf(0)[1]);
        CompactionToy.Free(low, FiveSingles);
        CompactionToy.Free(high, 1, 9, 13, 17, 29);
        high.SetOwner(0, PageOwner.LruAnon);
        FolioOps.AddToLru(world, 0, new FolioRef(1, 0), 0, LruList.InactiveAnon, world.Tasks[0], LruFlags.None);

        Assert.Equal(CompactResult.Success, Compact(world, 1, CompactPriority.SyncLight, highestZoneidx: 1));
        Assert.Equal(32, Begins(world).Single().ZoneStart);
        Assert.Equal(0, world.Compaction[0][0].Considered);
    }
}
