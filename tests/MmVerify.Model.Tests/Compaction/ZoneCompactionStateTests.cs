using MmVerify.Model.Compaction;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// Deferred compaction (mm/compaction.c): defer_compaction(), compaction_deferred(),
/// compaction_defer_reset() and compaction_restarting(); COMPACT_MAX_DEFER_SHIFT = 6.
/// </summary>
public class ZoneCompactionStateTests
{
    [Fact]
    public void Deferring_clears_considered_raises_the_shift_and_lowers_the_failed_order()
    {
        // order_failed starts at 0; a reset after success at order 3 raises it to 4.
        var state = new ZoneCompactionState { Considered = 5 };
        state.Reset(3, allocSuccess: false);
        Assert.Equal(4, state.OrderFailed);

        state.Defer(2);
        Assert.Equal((0, 1, 2), (state.Considered, state.DeferShift, state.OrderFailed));

        // A failure at a higher order leaves order_failed alone.
        state.Defer(5);
        Assert.Equal((0, 2, 2), (state.Considered, state.DeferShift, state.OrderFailed));
    }

    [Fact]
    public void The_defer_shift_stops_at_6()
    {
        var state = new ZoneCompactionState();
        for (var i = 0; i < 8; i++)
        {
            state.Defer(4);
        }

        Assert.Equal(6, state.DeferShift);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    public void After_k_failures_the_next_2_to_the_k_minus_1_attempts_are_skipped(int k)
    {
        var state = new ZoneCompactionState();
        for (var i = 0; i < k; i++)
        {
            state.Defer(4);
        }

        var skipped = 0;
        while (state.Deferred(4))
        {
            skipped++;
        }

        // considered reached 2^k: the attempt runs, and stays allowed while nothing changes.
        Assert.Equal((1 << k) - 1, skipped);
        Assert.Equal(1 << k, state.Considered);
        Assert.False(state.Deferred(4));
        Assert.Equal(1 << k, state.Considered);
    }

    [Fact]
    public void A_fresh_zone_is_not_deferred()
    {
        // shift 0: limit 1, the first attempt already reaches it.
        var state = new ZoneCompactionState();

        Assert.False(state.Deferred(9));
        Assert.Equal(1, state.Considered);
    }

    [Fact]
    public void An_order_below_the_failed_order_is_never_deferred_nor_counted()
    {
        var state = new ZoneCompactionState();
        state.Reset(3, allocSuccess: false);
        state.Defer(4);
        Assert.Equal(4, state.OrderFailed);

        Assert.False(state.Deferred(3));
        Assert.Equal(0, state.Considered);
        Assert.True(state.Deferred(4));
        Assert.Equal(1, state.Considered);
    }

    [Fact]
    public void A_reset_forgets_the_deferral_only_when_the_allocation_succeeded()
    {
        var state = new ZoneCompactionState { Considered = 5, DeferShift = 3, OrderFailed = 2 };

        state.Reset(4, allocSuccess: false);
        Assert.Equal((5, 3, 5), (state.Considered, state.DeferShift, state.OrderFailed));

        // order 1 < order_failed 5: order_failed stays.
        state.Reset(1, allocSuccess: true);
        Assert.Equal((0, 0, 5), (state.Considered, state.DeferShift, state.OrderFailed));

        // order == order_failed: raised to order + 1.
        state.Reset(5, allocSuccess: false);
        Assert.Equal(6, state.OrderFailed);
    }

    [Fact]
    public void Compaction_restarts_when_deferred_to_the_limit_and_considered_64_times()
    {
        var state = new ZoneCompactionState { DeferShift = 6, Considered = 64, OrderFailed = 3 };

        Assert.True(state.Restarting(3));
        Assert.True(state.Restarting(4));
        Assert.False(state.Restarting(2));

        state.Considered = 63;
        Assert.False(state.Restarting(3));

        state.Considered = 64;
        state.DeferShift = 5;
        Assert.False(state.Restarting(3));
    }

    [Fact]
    public void Resetting_the_isolation_hints_clears_every_skip_bit_and_the_cached_positions()
    {
        var state = new ZoneCompactionState { Skip = [true, false, true], CachedFree = 8 };
        state.CachedMigrate[0] = 4;
        state.CachedMigrate[1] = 8;

        state.ResetIsolationSuitable();

        Assert.Equal([false, false, false], state.Skip);
        Assert.Equal([-1, -1], state.CachedMigrate);
        Assert.Equal(-1, state.CachedFree);
    }

    [Fact]
    public void A_clone_has_its_own_skip_bits_and_cached_positions()
    {
        var state = new ZoneCompactionState { Skip = [false, false], DeferShift = 2 };
        var copy = state.Clone();

        copy.Skip![0] = true;
        copy.CachedMigrate[0] = 4;

        Assert.False(state.Skip![0]);
        Assert.Equal(-1, state.CachedMigrate[0]);
        Assert.Equal(2, copy.DeferShift);
    }
}
