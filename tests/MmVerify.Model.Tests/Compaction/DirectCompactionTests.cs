using MmVerify.Model.Compaction;
using MmVerify.Model.Gfp;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// try_to_compact_pages(), mm/compaction.c: per zone, deferred zones are skipped below SYNC_FULL, the
/// gate must say CONTINUE, SUCCESS stops and resets the failed order, COMPLETE or PARTIAL_SKIPPED at a
/// priority other than async defers the zone. 32-page zone with five free single pages (the gate says
/// CONTINUE for order 1) and nothing migratable (a run ends COMPLETE) unless a test adds more.
/// </summary>
public class DirectCompactionTests
{
    [Fact]
    public void Without_compaction_nothing_is_tried()
    {
        var world = Setup();
        world.Sysctls.CompactionEnabled = false;

        var result = DirectCompaction.TryToCompactPages(world, 0, Gfp.Gfp.HighUserMovable, 1, AllocFlags.None, 0, CompactPriority.SyncLight, out var cost);

        Assert.Equal(CompactResult.Skipped, result);
        Assert.Equal(0, cost);
        Assert.Empty(CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>());
    }

    [Fact]
    public void A_deferred_zone_is_skipped_below_SYNC_FULL()
    {
        var world = Setup();
        world.Compaction[0][0].Defer(1);

        var result = DirectCompaction.TryToCompactPages(world, 0, Gfp.Gfp.HighUserMovable, 1, AllocFlags.None, 0, CompactPriority.SyncLight, out _);

        Assert.Equal(CompactResult.Deferred, result);
        Assert.Empty(CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>());
    }

    [Fact]
    public void SYNC_FULL_compacts_a_deferred_zone_and_a_failure_defers_it_further()
    {
        var world = Setup();
        var state = world.Compaction[0][0];
        state.Defer(1);

        var result = DirectCompaction.TryToCompactPages(world, 0, Gfp.Gfp.HighUserMovable, 1, AllocFlags.None, 0, CompactPriority.SyncFull, out _);

        Assert.Equal(CompactResult.Complete, result);
        Assert.Equal(2, state.DeferShift);
    }

    [Theory]
    [InlineData(CompactPriority.Async, 0, false)]
    [InlineData(CompactPriority.SyncLight, 1, true)]
    public void A_failed_run_defers_the_zone_unless_it_was_async(CompactPriority priority, int shift, bool sync)
    {
        var world = Setup();

        var result = DirectCompaction.TryToCompactPages(world, 0, Gfp.Gfp.HighUserMovable, 1, AllocFlags.None, 0, priority, out _);

        Assert.Equal(CompactResult.Complete, result);
        Assert.Equal(shift, world.Compaction[0][0].DeferShift);
        var begin = CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>().Single();
        Assert.Equal(("compact", sync), (begin.Comm, begin.Sync));
    }

    [Fact]
    public void A_successful_run_raises_the_failed_order_and_costs_time()
    {
        // An LRU page at 0 next to free page 1: it moves up and 0..1 is a free order-1 block.
        var world = Setup();
        CompactionToy.LruPage(world, 0);
        var state = world.Compaction[0][0];
        state.Defer(1);
        state.Considered = 1;

        var result = DirectCompaction.TryToCompactPages(world, 0, Gfp.Gfp.HighUserMovable, 1, AllocFlags.None, 0, CompactPriority.SyncLight, out var cost);

        // Deferred(1) ran the attempt (considered reached 2 = 1 << 1); compaction_defer_reset(order 1, false).
        Assert.Equal(CompactResult.Success, result);
        Assert.Equal(2, state.OrderFailed);
        Assert.Equal(1, state.DeferShift);
        Assert.True(cost > 0);
    }

    [Fact]
    public void The_gate_result_is_returned_when_the_zone_needs_no_compaction()
    {
        // A free order-1 block already: SUCCESS from the gate, no run.
        var world = Setup();
        CompactionToy.Free(CompactionToy.Zone(world), 20, 21);

        var result = DirectCompaction.TryToCompactPages(world, 0, Gfp.Gfp.HighUserMovable, 1, AllocFlags.None, 0, CompactPriority.SyncLight, out _);

        Assert.Equal(CompactResult.Success, result);
        Assert.Empty(CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>());
    }

    private static Sim.World Setup()
    {
        var world = CompactionToy.World(32);
        CompactionToy.Free(CompactionToy.Zone(world), 1, 9, 13, 17, 29);
        return world;
    }
}
