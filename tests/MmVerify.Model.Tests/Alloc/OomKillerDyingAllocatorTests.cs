using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>out_of_memory(), mm/oom_kill.c: task_will_free_mem(current) -- a dying allocator is progress, not a reason for a second kill.</summary>
public class OomKillerDyingAllocatorTests
{
    [Fact]
    public void An_allocator_already_killed_counts_as_progress_and_nobody_else_dies()
    {
        // out_of_memory(): "If current has a pending SIGKILL or is exiting, then automatically select it":
        // if (task_will_free_mem(current)) { mark_oom_victim(current); queue_oom_reaper(current); return true; }
        // -- before select_bad_process(), so "other" (20 held pages, the only task with memory) is spared and
        // no OOM_KILL event is counted. Kills: that "return true" -> "return false".
        var (world, dying, other) = OomWorlds.OtherHolds(20);

        dying.Killed = true;

        Assert.True(OomKiller.OutOfMemory(world, new AllocRequest(dying, Gfp.Gfp.Kernel, 0, PageOwner.Unmovable)));
        Assert.False(other.Killed);
        Assert.Equal(20, other.HeldPages);
        Assert.Equal(0, world.Vm[VmEvent.OomKill]);
    }
}
