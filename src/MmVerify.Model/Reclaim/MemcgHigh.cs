using MmVerify.Model.Sim;

namespace MmVerify.Model.Reclaim;

/// <summary>memory.high enforcement (mm/memcontrol.c): overage is reclaimed by the charging task, with a penalty sleep.</summary>
public static class MemcgHigh
{
    /// <summary>MEMCG_CHARGE_BATCH.</summary>
    public const long ChargeBatch = 64;

    /// <summary>
    /// After a charge of pages: note the overage and handle it at once when it exceeds a batch.
    /// Returns the time the task spends reclaiming and sleeping.
    /// </summary>
    // mirrors the memory.high part of try_charge_memcg(), mm/memcontrol.c, v7.2
    public static long AfterCharge(World world, TaskState task, long pages)
    {
        var memcg = world.Memcgs[task.Memcg];
        if (memcg.Id == 0 || memcg.UsagePages <= memcg.HighPages)
        {
            return 0;
        }

        task.PagesOverHigh += Math.Max(ChargeBatch, pages);
        return task.PagesOverHigh > ChargeBatch ? HandleOverHigh(world, task) : 0;
    }

    // mirrors __mem_cgroup_handle_over_high(), mm/memcontrol.c, v7.2
    public static long HandleOverHigh(World world, TaskState task)
    {
        var memcg = world.Memcgs[task.Memcg];
        var nrPages = task.PagesOverHigh;
        task.PagesOverHigh = 0;
        var retries = Vmscan.MaxReclaimRetries;
        var inRetry = false;
        long time = 0;
        while (!task.Killed)
        {
            long reclaimed = 0;
            if (memcg.UsagePages > memcg.HighPages)
            {
                memcg.HighEvents++;
                reclaimed = DirectReclaimer.TryToFreeMemCgroupPages(world, task, memcg.Id, inRetry ? ScanControl.SwapClusterMax : nrPages, out var cost);
                time += cost;
            }

            var penalty = HighDelayJiffies(world, memcg, nrPages);
            if (penalty <= world.Clock.Hz / 100)
            {
                break;
            }

            if (reclaimed > 0 || retries-- > 0)
            {
                inRetry = true;
                continue;
            }

            time += world.Clock.JiffiesToNs(penalty);
            break;
        }

        return time;
    }

    // mirrors calculate_high_delay() + calculate_overage(), mm/memcontrol.c, v7.2 (one level; swap.high not modelled)
    private static long HighDelayJiffies(World world, Memcg memcg, long nrPages)
    {
        if (memcg.UsagePages <= memcg.HighPages)
        {
            return 0;
        }

        // A memory.high of 0 counts as 1 page: no division by zero, and the group is throttled hard.
        var high = Math.Max(memcg.HighPages, 1);
        var overage = ((memcg.UsagePages - high) << 20) / high;
        var penalty = (long)((ulong)overage * (ulong)overage * (ulong)world.Clock.Hz >> (20 + 14));
        penalty = penalty * nrPages / ChargeBatch;
        return Math.Min(penalty, 2L * world.Clock.Hz);
    }
}
