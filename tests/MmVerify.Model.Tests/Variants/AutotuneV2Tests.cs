using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.VariantPolicies;

// checks the seed-002 v2 patch as its cover letter describes it (mm/page_alloc.c): +50% on an order-0 atomic
// failure with a 10 s debounce, capped at 1% of RAM, decaying 5% every 5 minutes to 1.2x the initial value
public class AutotuneV2Tests
{
    [Theory]
    [InlineData(400, 65536, 600)]
    // 1% of 65536 kB is 655.
    [InlineData(500, 65536, 655)]
    public void A_raise_adds_half_up_to_one_percent_of_ram(long minFreeKbytes, long totalKbytes, long expected)
    {
        Assert.Equal(expected, AutotuneV2.RaisedMinFreeKbytes(minFreeKbytes, totalKbytes));
    }

    [Theory]
    [InlineData(10000, 1000, 9500)]
    // 95% of 1000 is below the floor of 1.2 * 1000.
    [InlineData(1000, 1000, 1200)]
    public void A_decay_takes_five_percent_down_to_one_point_two_times_the_initial_value(long minFreeKbytes, long initial, long expected)
    {
        Assert.Equal(expected, AutotuneV2.DecayedMinFreeKbytes(minFreeKbytes, initial));
    }

    [Fact]
    public void An_atomic_failure_raises_by_half_and_a_second_one_within_ten_seconds_is_ignored()
    {
        var world = AutotuneWorlds.World("autotune-v2", minFreeKbytes: 400);

        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);
        world.Clock.NowNs += 10_000_000_000;
        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);

        Assert.Equal(600, world.Sysctls.MinFreeKbytes);
        Assert.Equal((400, AutotuneWorlds.OpenNs, 1), (world.PolicyState.InitialMinFreeKbytes, world.PolicyState.LastChangeNs, world.PolicyState.TuneActions));
        Assert.Equal(["trigger", "min_free_kbytes_raise"], AutotuneWorlds.Actions(world));
    }

    [Fact]
    public void At_the_cap_a_failure_triggers_but_does_not_rewrite_min_free_kbytes()
    {
        var world = AutotuneWorlds.World("autotune-v2", minFreeKbytes: 655);

        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);

        Assert.Equal((-1, long.MinValue), (world.PolicyState.InitialMinFreeKbytes, world.PolicyState.LastChangeNs));
        Assert.Equal(["trigger"], AutotuneWorlds.Actions(world));
    }

    [Fact]
    public void The_value_decays_once_per_five_minutes_after_the_last_change_and_stops_at_the_floor()
    {
        // Raised from 400 to 600 at 320 s; floor 480. 600 -> 570 -> 541 -> 513 -> 487 -> 480, then no change.
        var world = AutotuneWorlds.World("autotune-v2", minFreeKbytes: 400);
        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);
        world.Clock.NowNs += AutotuneWorlds.DecayNs - 1;
        world.Policy.ReserveTuning.OnTick(world);
        Assert.Equal(600, world.Sysctls.MinFreeKbytes);

        var values = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            world.Clock.NowNs = world.PolicyState.LastChangeNs + AutotuneWorlds.DecayNs;
            world.Policy.ReserveTuning.OnTick(world);
            values.Add(world.Sysctls.MinFreeKbytes);
        }

        Assert.Equal([570, 541, 513, 487, 480, 480], values);
        Assert.Equal(5, AutotuneWorlds.Actions(world).Count(a => a == "min_free_kbytes_decay"));
        // Only the trigger is a tuning action.
        Assert.Equal(1, world.PolicyState.TuneActions);
    }

    [Theory]
    // Never tuned: nothing to decay back to, however old the last change.
    [InlineData(-1, 4096)]
    // A recorded initial value of 0 puts the floor at 0: 4096 * 95 / 100.
    [InlineData(0, 3891)]
    public void A_tick_decays_only_once_an_initial_value_was_recorded(long initial, long expected)
    {
        var world = AutotuneWorlds.World("autotune-v2", minFreeKbytes: 4096);
        world.PolicyState.InitialMinFreeKbytes = initial;
        world.PolicyState.LastChangeNs = 0;

        world.Policy.ReserveTuning.OnTick(world);

        Assert.Equal(expected, world.Sysctls.MinFreeKbytes);
    }

    [Fact]
    public void The_debounce_reads_jiffies_from_the_clock_and_records_the_time_it_let_through()
    {
        var world = AutotuneWorlds.World("autotune-v2", minFreeKbytes: 400);
        // At 320 s, jiffies = -300 * 250 + 320 * 250 = 5000.
        Assert.True(AutotuneV2.Debounced(world));
        Assert.Equal(5000ul, world.PolicyState.LastTuneJiffies);
    }
}
