using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>__alloc_pages_slowpath(), mm/page_alloc.c: retry after every OOM kill that made progress; an OOM victim allocates with ALLOC_OOM and then gives up.</summary>
public class SlowPathOomRetryTests
{
    /// <summary>
    /// 256 pages (min 32), nothing free and nothing on the LRU, so reclaim never makes progress and
    /// should_reclaim_retry() always says no: only OOM kills free memory. Tasks hold the given pages;
    /// the rest stay allocated to nobody.
    /// </summary>
    private static (World World, TaskState[] Tasks) World(params int[] held)
    {
        var world = new World(Toy.Machine(256, new BuddyGeometry(4, 2)), VariantCatalog.Resolve("linux-7.2"));
        var pages = AllocWorlds.TakeAll(world.ZonesOf(0)[0], MigrateType.Movable);
        var tasks = new TaskState[held.Length];
        var next = 0;
        for (var t = 0; t < held.Length; t++)
        {
            tasks[t] = new TaskState(t, 1000 + t, $"t{t}", 0, 0);
            world.Tasks.Add(tasks[t]);
            foreach (var page in pages.Skip(next).Take(held[t]))
            {
                FolioOps.Hold(world, tasks[t], 0, new FolioRef(0, page), 0, long.MaxValue);
            }

            next += held[t];
        }

        return (world, tasks);
    }

    [Fact]
    public void A_second_task_is_killed_when_the_first_kill_does_not_free_enough()
    {
        // t1 (20 pages) dies first: 20 free <= min 32, the retry fails. __alloc_pages_may_oom made progress, so
        // no_progress_loops = 0 and goto retry; the next OOM round kills t2 (18): 38 free > 32 -> served.
        // There is no limit of one kill per allocation in the slow path.
        var (world, tasks) = World(0, 20, 18);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(tasks[0], Gfp.Gfp.Kernel, 0, PageOwner.Unmovable));

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, world.Vm[VmEvent.OomKill]);
        Assert.True(tasks[1].Killed);
        Assert.True(tasks[2].Killed);
        Assert.False(tasks[0].Killed);
    }

    [Fact]
    public void A_killed_allocator_is_served_from_the_ALLOC_OOM_reserve()
    {
        // The allocating task is the largest (30) and dies: 30 free <= min 32. On retry it is an OOM victim,
        // __gfp_pfmemalloc_flags() gives ALLOC_OOM, min - min / 2 = 16 < 30 -> served; t1 is spared.
        var (world, tasks) = World(30, 10);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(tasks[0], Gfp.Gfp.Kernel, 0, PageOwner.Unmovable));

        Assert.True(outcome.Succeeded);
        Assert.Equal(1, world.Vm[VmEvent.OomKill]);
        Assert.True(tasks[0].Killed);
        Assert.False(tasks[1].Killed);
    }

    [Fact]
    public void A_killed_allocator_that_fails_with_ALLOC_OOM_gives_up_without_a_second_kill()
    {
        // The allocating task (10) dies: 10 free <= even the ALLOC_OOM min 16. The next OOM round finds the
        // allocator itself dying (task_will_free_mem(current): progress, nobody else killed), and a victim
        // that already had ALLOC_OOM goes to nopage: a plain failure, t1 (8) is spared.
        var (world, tasks) = World(10, 8);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(tasks[0], Gfp.Gfp.Kernel, 0, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.Equal(1, world.Vm[VmEvent.OomKill]);
        Assert.True(tasks[0].Killed);
        Assert.False(tasks[1].Killed);
        Assert.Equal(10, world.ZonesOf(0)[0].NrFreePages);
    }

    [Fact]
    public void A_killed_allocator_that_fails_with_ALLOC_OOM_reclaims_no_more_after_the_OOM_round()
    {
        // World(10, 8): direct reclaim finds nothing (ALLOCSTALL 1), the OOM kill takes the allocator (10); the
        // retry with ALLOC_OOM fails (10 <= 16), reclaim again finds nothing (ALLOCSTALL 2), and in the next
        // __alloc_pages_may_oom task_will_free_mem(current) reports progress -- but __alloc_pages_slowpath's
        // "Avoid allocations with no watermarks from looping endlessly" check (tsk_is_oom_victim(current) &&
        // alloc_flags & ALLOC_OOM) goes to nopage before "if (did_some_progress) goto retry": two reclaim
        // rounds in all, not one more per retry until the model's loop bound.
        var (world, tasks) = World(10, 8);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(tasks[0], Gfp.Gfp.Kernel, 0, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.Equal(2, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(1, world.Vm[VmEvent.AllocFailure]);
    }

    [Fact]
    public void A_killed_NOMEMALLOC_allocator_gives_up_instead_of_hanging()
    {
        // __GFP_NOMEMALLOC: the dying allocator gets no ALLOC_OOM, the retry fails (10 free <= min 32), and
        // the next OOM round (task_will_free_mem: progress) ends in nopage for a victim with NOMEMALLOC
        // ("Avoid allocations with no watermarks from looping endlessly"), not in an endless retry.
        var (world, tasks) = World(10, 8);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(tasks[0], Gfp.Gfp.Kernel | Gfp.GfpFlags.NoMemAlloc, 0, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.Equal(1, world.Vm[VmEvent.OomKill]);
        Assert.False(tasks[1].Killed);
    }
}
