using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Trace;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>__alloc_pages_may_oom() and out_of_memory(): who may trigger a kill, who dies, what is freed.</summary>
public class OomKillerTests
{
    private const int Pages = 256;

    private static World NewWorld() =>
        new(Toy.Machine(Pages, new BuddyGeometry(4, 2)), VariantCatalog.Resolve("linux-7.2"));

    private static TaskState AddTask(World world, int lruPages, int heldPages)
    {
        var task = new TaskState(world.Tasks.Count, 1000 + world.Tasks.Count, $"t{world.Tasks.Count}", 0, 0);
        world.Tasks.Add(task);
        var zone = world.ZonesOf(0)[0];
        for (var i = 0; i < lruPages; i++)
        {
            var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
            FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, LruList.ActiveAnon, task, LruFlags.None);
        }

        for (var i = 0; i < heldPages; i++)
        {
            var page = zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.None, PageOwner.Unmovable);
            FolioOps.Hold(world, task, 0, new FolioRef(0, page), 0, long.MaxValue);
        }

        return task;
    }

    private static AllocRequest Request(TaskState task, GfpFlags gfp, int order = 0) => new(task, gfp, order, PageOwner.Unmovable);

    [Fact]
    public void The_task_holding_the_most_pages_is_killed_and_everything_it_holds_is_freed()
    {
        // out_of_memory picks the largest task by badness (rss, here LRU + held pages): t1 with 3 + 4 = 7
        // beats t0 (5 LRU pages) and t2 (2); its LRU pages and held blocks go back to the buddy.
        // Kills: the victim comparison "> victim" -> "<" (t2 would die), "victim is null ||" -> "&&",
        // the "== 0" no-victim check -> "!= 0", and block removals in Kill (pages not freed, HeldPages kept).
        var world = NewWorld();
        var t0 = AddTask(world, lruPages: 5, heldPages: 0);
        var t1 = AddTask(world, lruPages: 3, heldPages: 4);
        var t2 = AddTask(world, lruPages: 2, heldPages: 0);
        var zone = world.ZonesOf(0)[0];
        var free = zone.NrFreePages;

        Assert.True(OomKiller.OutOfMemory(world, Request(t0, Gfp.Gfp.Kernel)));

        Assert.True(t1.Killed);
        Assert.False(t0.Killed);
        Assert.False(t2.Killed);
        Assert.Equal(0, t1.LruPages);
        Assert.Equal(0, t1.HeldPages);
        Assert.Equal(free + 7, zone.NrFreePages);
        Assert.Equal(5, t0.LruPages);
        Assert.Equal(2, t2.LruPages);
        Assert.Equal(7, world.Lru[0].ZoneSize(0, LruList.ActiveAnon));
        Assert.Equal(1, world.Vm[VmEvent.OomKill]);
    }

    [Fact]
    public void A_victim_holding_as_many_LRU_as_held_pages_is_killed_and_traced_with_their_sum()
    {
        // Badness counts LRU and held pages together: 2 + 2 = 4 pages, so the task is a victim and mark_victim
        // reports 4 pages. Kills: the no-victim test "LruPages + HeldPages == 0" -> "LruPages - HeldPages"
        // (2 - 2 = 0: no kill) and the traced "LruPages + HeldPages" -> "-" (0 pages).
        var world = NewWorld();
        var trace = new TraceBuffer();
        world.Trace = trace;
        var victim = AddTask(world, lruPages: 2, heldPages: 2);

        Assert.True(OomKiller.OutOfMemory(world, Request(victim, Gfp.Gfp.Kernel)));

        Assert.True(victim.Killed);
        var kill = Assert.Single(trace.Events.OfType<OomKillEvent>());
        Assert.Equal(4, kill.Pages);
        Assert.Equal(victim.Pid, kill.VictimPid);
    }

    [Fact]
    public void A_task_already_killed_is_not_chosen_again()
    {
        // oom_evaluate_task skips tasks already dying; the next largest dies instead.
        // Kills: "!task.Killed" -> "task.Killed".
        var world = NewWorld();
        var big = AddTask(world, lruPages: 10, heldPages: 0);
        var small = AddTask(world, lruPages: 2, heldPages: 0);
        big.Killed = true;

        Assert.True(OomKiller.OutOfMemory(world, Request(small, Gfp.Gfp.Kernel)));

        Assert.True(small.Killed);
        Assert.Equal(0, small.LruPages);
        Assert.Equal(10, big.LruPages);
    }

    [Fact]
    public void Nothing_is_killed_when_no_task_holds_memory()
    {
        // No eligible victim: out_of_memory cannot free anything (the model returns "no progress").
        var world = NewWorld();
        var t0 = AddTask(world, 0, 0);

        Assert.False(OomKiller.OutOfMemory(world, Request(t0, Gfp.Gfp.Kernel)));
        Assert.False(t0.Killed);
        Assert.Equal(0, world.Vm[VmEvent.OomKill]);
    }

    [Theory]
    [InlineData(3, 0u, true)]         // PAGE_ALLOC_COSTLY_ORDER itself may still kill
    [InlineData(4, 0u, false)]        // "The OOM killer will not help higher order allocs"
    [InlineData(0, 0x4000u, false)]   // __GFP_RETRY_MAYFAIL: the caller has a fallback
    [InlineData(0, 0x10000u, false)]  // __GFP_NORETRY never reaches the OOM killer
    public void Costly_orders_and_callers_that_may_fail_do_not_kill(int order, uint extraGfp, bool kills)
    {
        // Kills: "order > CostlyOrder" -> ">=" (order 3) and the gfp mask check's "!= 0" -> "== 0".
        var world = NewWorld();
        var victim = AddTask(world, lruPages: 4, heldPages: 0);

        Assert.Equal(kills, OomKiller.OutOfMemory(world, Request(victim, Gfp.Gfp.Kernel | (GfpFlags)extraGfp, order)));
        Assert.Equal(kills, victim.Killed);
    }

    [Fact]
    public void A_THISNODE_request_does_not_kill()
    {
        // mm/page_alloc.c (6.1 and later): if (gfp_mask & (__GFP_RETRY_MAYFAIL | __GFP_THISNODE)) goto out;
        var world = NewWorld();
        var victim = AddTask(world, lruPages: 4, heldPages: 0);

        Assert.False(OomKiller.OutOfMemory(world, Request(victim, Gfp.Gfp.Kernel | GfpFlags.ThisNode)));
        Assert.False(victim.Killed);
    }

    [Fact]
    public void A_lowmem_request_does_not_kill()
    {
        // mm/page_alloc.c: "The OOM killer does not needlessly kill tasks for lowmem":
        // if (ac->highest_zoneidx < ZONE_NORMAL) goto out;  GFP_KERNEL | __GFP_DMA32 -> highest_zoneidx DMA32.
        var world = NewWorld();
        var victim = AddTask(world, lruPages: 4, heldPages: 0);

        Assert.False(OomKiller.OutOfMemory(world, Request(victim, Gfp.Gfp.Kernel | GfpFlags.Dma32)));
        Assert.False(victim.Killed);
    }

    [Fact]
    public void Of_two_equally_large_tasks_the_later_one_is_killed()
    {
        // mm/oom_kill.c oom_evaluate_task: if (points == LONG_MIN || points < oc->chosen_points) goto next;
        // select: oc->chosen = task;  -- equal points replace the chosen task; for_each_process goes in creation order.
        var world = NewWorld();
        var first = AddTask(world, lruPages: 3, heldPages: 0);
        var second = AddTask(world, lruPages: 3, heldPages: 0);

        Assert.True(OomKiller.OutOfMemory(world, Request(first, Gfp.Gfp.Kernel)));
        Assert.True(second.Killed);
        Assert.False(first.Killed);
    }

    [Fact]
    public void An_allocator_already_killed_counts_as_progress_and_nobody_else_dies()
    {
        // out_of_memory(): "If current has a pending SIGKILL or is exiting, then automatically select it":
        // task_will_free_mem(current) returns true before select_bad_process(), so t1 (20 held pages, the
        // only task with memory) is spared and no OOM_KILL event is counted.
        var world = NewWorld();
        var dying = AddTask(world, lruPages: 0, heldPages: 0);
        var other = AddTask(world, lruPages: 0, heldPages: 20);
        dying.Killed = true;

        Assert.True(OomKiller.OutOfMemory(world, Request(dying, Gfp.Gfp.Kernel)));
        Assert.False(other.Killed);
        Assert.Equal(20, other.HeldPages);
        Assert.Equal(0, world.Vm[VmEvent.OomKill]);
    }

    [Theory]
    [InlineData(Gfp.Gfp.NoFs, false)]
    [InlineData(Gfp.Gfp.NoIo, false)]
    [InlineData(Gfp.Gfp.Kernel, true)]
    public void Only_a_request_that_may_enter_the_filesystem_kills_and_either_way_reports_progress(GfpFlags gfp, bool kills)
    {
        // out_of_memory(): "The OOM killer does not compensate for IO-less reclaim": without __GFP_FS (and
        // outside memcg OOM) it returns true before select_bad_process(), so the caller retries and a
        // __GFP_FS allocation is left to kill. t1 holds the only 20 pages a kill could free; GFP_KERNEL kills it.
        var world = NewWorld();
        var task = AddTask(world, lruPages: 0, heldPages: 0);
        var other = AddTask(world, lruPages: 0, heldPages: 20);

        Assert.True(OomKiller.OutOfMemory(world, Request(task, gfp)));
        Assert.Equal(kills, other.Killed);
        Assert.Equal(kills ? 0 : 20, other.HeldPages);
        Assert.Equal(kills ? 1 : 0, world.Vm[VmEvent.OomKill]);
    }
}
