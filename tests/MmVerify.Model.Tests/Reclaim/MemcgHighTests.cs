using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>
/// memory.high (mm/memcontrol.c): try_charge_memcg notes the overage in batches of MEMCG_CHARGE_BATCH = 64;
/// __mem_cgroup_handle_over_high reclaims and sleeps calculate_high_delay() jiffies:
/// overage = ((usage - high) &lt;&lt; 20) / high, penalty = overage² * HZ &gt;&gt; 34, * nr_pages / 64, at most 2 * HZ.
/// </summary>
public class MemcgHighTests
{
    // Reclaim itself costs nothing here, so the time returned is the penalty sleep alone.
    private static readonly Costs Free = new() { ShrinkNodeCall = 0, ScanPage = 0, ReclaimPage = 0 };

    private static World Group(long high, long usage)
    {
        var world = TwoMemcgs.Create(highPages: high, costs: Free);
        world.Memcgs[1].UsagePages = usage;
        return world;
    }

    [Fact]
    public void The_root_memcg_is_never_over_high()
    {
        var world = TwoMemcgs.Create(costs: Free);
        world.Memcgs[0].HighPages = 10;
        world.Memcgs[0].UsagePages = 1000;

        Assert.Equal(0, MemcgHigh.AfterCharge(world, world.Tasks[0], 500));
        Assert.Equal(0, world.Tasks[0].PagesOverHigh);
    }

    [Fact]
    public void Usage_equal_to_high_is_not_over()
    {
        var world = Group(high: 100, usage: 100);

        Assert.Equal(0, MemcgHigh.AfterCharge(world, world.Tasks[1], 1));
        Assert.Equal(0, world.Tasks[1].PagesOverHigh);
        Assert.Equal(0, world.Memcgs[1].HighEvents);
    }

    [Fact]
    public void A_small_charge_over_high_is_noted_as_one_batch_and_deferred()
    {
        // nr_pages_over_high += max(64, 1) = 64, which does not exceed MEMCG_CHARGE_BATCH: no reclaim yet.
        var world = Group(high: 100, usage: 200);

        Assert.Equal(0, MemcgHigh.AfterCharge(world, world.Tasks[1], 1));
        Assert.Equal(64, world.Tasks[1].PagesOverHigh);
        Assert.Equal(0, world.Memcgs[1].HighEvents);
    }

    [Fact]
    public void Once_the_noted_overage_exceeds_a_batch_it_is_handled_at_once()
    {
        // 64 + max(64, 1) = 128 > 64: __mem_cgroup_handle_over_high with nr_pages 128, accumulator reset.
        // overage = (100 << 20) / 100 = 2^20, penalty = 2^40 * 250 >> 34 = 16000, * 128 / 64, capped at
        // 2 * HZ = 500 jiffies = 2 s. Nothing is reclaimable: 1 + 16 retries, then the sleep.
        var world = Group(high: 100, usage: 200);
        world.Tasks[1].PagesOverHigh = 64;

        var time = MemcgHigh.AfterCharge(world, world.Tasks[1], 1);

        Assert.Equal(world.Clock.JiffiesToNs(500), time);
        Assert.Equal(0, world.Tasks[1].PagesOverHigh);
        Assert.Equal(17, world.Memcgs[1].HighEvents);
    }

    [Fact]
    public void A_large_charge_counts_its_own_size_towards_the_overage()
    {
        // max(64, 65) = 65 > 64: handled at once.
        var world = Group(high: 100, usage: 200);

        MemcgHigh.AfterCharge(world, world.Tasks[1], 65);

        Assert.Equal(17, world.Memcgs[1].HighEvents);
        Assert.Equal(0, world.Tasks[1].PagesOverHigh);
    }

    [Theory]
    // usage 1013, high 1000: overage = 13631488 / 1000 = 13631; 13631² * 250 >> 34 = 2 jiffies <= HZ / 100: stop after one try.
    [InlineData(1013, 1, 0)]
    // usage 1014: overage 14680; 14680² * 250 >> 34 = 3 jiffies > 2: 16 more tries, then sleep 3 jiffies.
    [InlineData(1014, 17, 3)]
    public void The_penalty_sleep_happens_only_above_ten_milliseconds(long usage, long tries, long sleptJiffies)
    {
        var world = Group(high: 1000, usage: usage);
        world.Tasks[1].PagesOverHigh = 64;

        var time = MemcgHigh.HandleOverHigh(world, world.Tasks[1]);

        Assert.Equal(tries, world.Memcgs[1].HighEvents);
        Assert.Equal(world.Clock.JiffiesToNs(sleptJiffies), time);
    }

    [Fact]
    public void The_penalty_scales_with_the_pages_charged_over_high()
    {
        // usage 1014: 3 jiffies for 64 pages; for 640 pages 3 * 640 / 64 = 30 jiffies.
        var world = Group(high: 1000, usage: 1014);
        world.Tasks[1].PagesOverHigh = 640;

        var time = MemcgHigh.HandleOverHigh(world, world.Tasks[1]);

        Assert.Equal(world.Clock.JiffiesToNs(30), time);
    }

    [Fact]
    public void A_zero_memory_high_is_treated_as_one_page_and_throttles_to_the_cap()
    {
        // Kernel (mm/memcontrol.c calculate_overage): high = max(0, 1) = 1, overage = (10 - 1) << 20,
        // penalty = (9 << 20)² * 250 >> 34 = 1,296,000 jiffies, capped at 2 * HZ = 500. Nothing is
        // reclaimable in the group: 1 + 16 tries, then a 2 s sleep.
        var world = Group(high: 0, usage: 10);
        world.Tasks[1].PagesOverHigh = 64;

        Assert.Equal(world.Clock.JiffiesToNs(500), MemcgHigh.HandleOverHigh(world, world.Tasks[1]));
        Assert.Equal(17, world.Memcgs[1].HighEvents);
    }

    [Fact]
    public void A_dying_task_does_not_reclaim_or_sleep()
    {
        var world = Group(high: 100, usage: 200);
        world.Tasks[1].PagesOverHigh = 128;
        world.Tasks[1].Killed = true;

        Assert.Equal(0, MemcgHigh.HandleOverHigh(world, world.Tasks[1]));
        Assert.Equal(0, world.Memcgs[1].HighEvents);
        Assert.Equal(0, world.Tasks[1].PagesOverHigh);
    }

    [Fact]
    public void Reclaim_that_keeps_making_progress_keeps_going_past_the_retry_budget_without_sleeping()
    {
        // 1000 file pages in a group with high 100: every pass reclaims (32 or more after the first),
        // so it goes on past 17 tries until the penalty drops to 10 ms or less, with no sleep.
        var world = TwoMemcgs.Create(highPages: 100, costs: Free);
        for (var i = 0; i < 1000; i++)
        {
            Folios.Add(world, LruList.InactiveFile, task: 1);
        }

        world.Tasks[1].PagesOverHigh = 64;

        var time = MemcgHigh.HandleOverHigh(world, world.Tasks[1]);

        Assert.Equal(0, time);
        Assert.True(world.Memcgs[1].HighEvents > 17, $"{world.Memcgs[1].HighEvents} tries");
        Assert.True(world.Memcgs[1].UsagePages <= 101, $"usage {world.Memcgs[1].UsagePages}");
    }

    [Fact]
    public void The_first_try_reclaims_the_whole_overage_and_stops_once_under_high()
    {
        // 1000 file pages, high 900, 200 pages noted: try_to_free_mem_cgroup_pages(200) walks priorities
        // 12..9 (1000 >> 9 = 1), 8 (999 >> 8 = 3: 4), 7 (996 >> 7 = 7: 11), 6 (989 >> 6 = 15: 26),
        // 5 (974 >> 5 = 30: 56), 4 (944 >> 4 = 59: 115), 3 (885 >> 3 = 110, in batches of 32:
        // 147, 179, 211 >= 200, stop). Usage 789 <= high: no penalty, no retry.
        var world = TwoMemcgs.Create(highPages: 900, costs: Free);
        for (var i = 0; i < 1000; i++)
        {
            Folios.Add(world, LruList.InactiveFile, task: 1);
        }

        world.Tasks[1].PagesOverHigh = 200;

        var time = MemcgHigh.HandleOverHigh(world, world.Tasks[1]);

        Assert.Equal(0, time);
        Assert.Equal(789, world.Memcgs[1].UsagePages);
        Assert.Equal(1, world.Memcgs[1].HighEvents);
    }

    [Fact]
    public void Handling_with_usage_back_at_high_neither_reclaims_nor_sleeps()
    {
        // usage > high is strict in __mem_cgroup_handle_over_high: at high, no memory.high event.
        var world = Group(high: 100, usage: 100);
        world.Tasks[1].PagesOverHigh = 128;

        Assert.Equal(0, MemcgHigh.HandleOverHigh(world, world.Tasks[1]));
        Assert.Equal(0, world.Memcgs[1].HighEvents);
    }

    [Fact]
    public void The_time_returned_includes_what_the_reclaim_cost()
    {
        // As the first-try case below: 211 pages reclaimed, no penalty; only reclaimed pages cost (1 ns each).
        var world = TwoMemcgs.Create(highPages: 900, costs: new Costs { ShrinkNodeCall = 0, ScanPage = 0, ReclaimPage = 1 });
        for (var i = 0; i < 1000; i++)
        {
            Folios.Add(world, LruList.InactiveFile, task: 1);
        }

        world.Tasks[1].PagesOverHigh = 200;

        Assert.Equal(211, MemcgHigh.HandleOverHigh(world, world.Tasks[1]));
    }
}
