using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.VariantPolicies;

// checks boost_min_free_kbytes_workfn() of the seed-002 v1 patch (mm/page_alloc.c): double min_free_kbytes
// on an order-0 atomic failure, capped at 1% of RAM, then setup_per_zone_wmarks()
public class AutotuneV1Tests
{
    [Theory]
    [InlineData(200, 16384ul, 400)]
    // 1% of 64 MiB is 65536 / 100 = 655 kB.
    [InlineData(400, 16384ul, 655)]
    [InlineData(655, 16384ul, 655)]
    // Already above the cap: the cap would lower it, so the value is kept.
    [InlineData(2000, 16384ul, 2000)]
    // 1.5e9 * 2 wraps to a negative int: kept. The cap is 4 TiB / 100 truncated to 32 bits.
    [InlineData(1_500_000_000, 1ul << 30, 1_500_000_000)]
    public void The_next_value_doubles_up_to_one_percent_of_ram_and_never_lowers(int minFreeKbytes, ulong totalramPages, int expected)
    {
        Assert.Equal(expected, AutotuneV1.NextMinFreeKbytes(minFreeKbytes, totalramPages));
    }

    [Fact]
    public void An_atomic_failure_doubles_min_free_kbytes_and_recomputes_the_watermarks()
    {
        var world = AutotuneWorlds.World("autotune-v1", minFreeKbytes: 200);

        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);

        Assert.Equal((400, 400), (world.Sysctls.MinFreeKbytes, world.Sysctls.UserMinFreeKbytes));
        // One zone holds all the lowmem: its min watermark is 400 kB >> 2 = 100 pages.
        Assert.Equal(100, Worlds.Zone(world).RawWatermark(WmarkIndex.Min));
        Assert.Equal((200, AutotuneWorlds.OpenNs, 1), (world.PolicyState.InitialMinFreeKbytes, world.PolicyState.LastChangeNs, world.PolicyState.TuneActions));
        Assert.Equal(["trigger", "min_free_kbytes_double"], AutotuneWorlds.Actions(world));
    }

    [Fact]
    public void At_the_cap_the_work_still_runs_and_counts_but_changes_nothing()
    {
        // schedule_work() runs the work item even when the value cannot grow.
        var world = AutotuneWorlds.World("autotune-v1", minFreeKbytes: 4096);

        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);

        Assert.Equal(4096, world.Sysctls.MinFreeKbytes);
        Assert.Equal((-1, 1), (world.PolicyState.InitialMinFreeKbytes, world.PolicyState.TuneActions));
        Assert.Equal(["trigger"], AutotuneWorlds.Actions(world));
    }

    [Fact]
    public void A_failure_that_does_not_trigger_does_nothing()
    {
        var world = AutotuneWorlds.World("autotune-v1", minFreeKbytes: 200);

        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 1, 0);

        Assert.Equal((200, 0), (world.Sysctls.MinFreeKbytes, world.PolicyState.TuneActions));
        Assert.Empty(AutotuneWorlds.Actions(world));
    }

    [Theory]
    [InlineData(-1, 200)]
    // Only the sentinel -1 is replaced: a recorded value, even 0, is the baseline from then on.
    [InlineData(0, 0)]
    [InlineData(150, 150)]
    public void A_raise_records_the_value_before_tuning_only_once(long recorded, long expected)
    {
        var world = AutotuneWorlds.World("autotune-v1", minFreeKbytes: 200);
        world.PolicyState.InitialMinFreeKbytes = recorded;

        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);

        Assert.Equal(expected, world.PolicyState.InitialMinFreeKbytes);
    }
}
