using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Alloc;

/// <summary>The OOM killer in outline: the task with the most pages dies and its memory is freed at once.</summary>
public static class OomKiller
{
    // mirrors __alloc_pages_may_oom() -> out_of_memory() -> oom_kill_process(), mm/oom_kill.c, v7.2
    // (oom_score_adj, the OOM reaper's delay and cgroup OOM are not modelled)
    public static bool OutOfMemory(World world, AllocRequest request)
    {
        // Costly orders and __GFP_NORETRY / __GFP_RETRY_MAYFAIL callers fail instead of killing; killing
        // cannot free memory on the one node a __GFP_THISNODE caller wants, nor in the lowmem zones a
        // GFP_DMA / GFP_DMA32 caller is limited to.
        if (request.Order > Buddy.BuddyGeometry.CostlyOrder
            || (request.Gfp & (Gfp.GfpFlags.NoRetry | Gfp.GfpFlags.RetryMayFail | Gfp.GfpFlags.ThisNode)) != 0
            || Gfp.GfpRules.GfpZone(request.Gfp) < Topology.ZoneKind.Normal)
        {
            return false;
        }

        // task_will_free_mem(current): an allocating victim is already dying; it counts as progress
        // and nobody else is killed.
        if (request.Task.Killed)
        {
            return true;
        }

        // "The OOM killer does not compensate for IO-less reclaim": a GFP_NOFS or GFP_NOIO caller kills nobody
        // but reports progress, so it retries and a __GFP_FS allocation is left to kill (6.1 source; 7.2
        // assumed unchanged, KERNEL.md is silent). cgroup OOM, which kills even then, is not modelled.
        if ((request.Gfp & Gfp.GfpFlags.Fs) == 0)
        {
            return true;
        }

        var victim = SelectBadProcess(world);

        if (victim is null || victim.LruPages + victim.HeldPages == 0)
        {
            return false;
        }

        var pages = victim.LruPages + victim.HeldPages;
        Kill(world, victim);
        world.Vm.Count(VmEvent.OomKill);
        if (world.Trace.Enabled)
        {
            world.Trace.Emit(new OomKillEvent(world.NowNs, request.Task.Comm, request.Task.Pid, victim.Pid, victim.Comm, pages));
        }

        return true;
    }

    // mirrors oom_evaluate_task(), mm/oom_kill.c, v7.2: a task is skipped only when its badness is below the
    // chosen one's, so on equal badness the later task in for_each_process() order wins.
    private static TaskState? SelectBadProcess(World world)
    {
        TaskState? victim = null;
        foreach (var task in world.Tasks)
        {
            if (!task.Killed && (victim is null || task.LruPages + task.HeldPages >= victim.LruPages + victim.HeldPages))
            {
                victim = task;
            }
        }

        return victim;
    }

    /// <summary>Frees everything a task holds, as its exit (or the OOM reaper) does.</summary>
    public static void Kill(World world, TaskState task)
    {
        task.Killed = true;
        while (task.Held.TryDequeue(out var block, out _))
        {
            FolioOps.FreeBlock(world, block.Node, block.Folio, block.Order);
        }

        task.HeldPages = 0;
        task.RefaultDebtAnon = task.RefaultDebtFile = 0;
        for (var nid = 0; nid < world.Lru.Length; nid++)
        {
            var lru = world.Lru[nid];
            foreach (var vec in lru.Lruvecs)
            {
                for (var l = 0; l < LruLists.Count; l++)
                {
                    var folio = lru.TailOf(vec.Memcg, (LruList)l);
                    while (folio is { } f)
                    {
                        var prev = lru.PrevOf(f);
                        if (lru.TaskOf(f) == task.Id)
                        {
                            FolioOps.Release(world, nid, f);
                        }

                        folio = prev;
                    }
                }
            }
        }
    }
}
