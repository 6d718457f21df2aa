using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>out_of_memory(), mm/oom_kill.c: a request without __GFP_FS reports progress and kills nobody.</summary>
public class OomKillerNoFsTests
{
    [Theory]
    [InlineData(Gfp.Gfp.NoFs)]
    [InlineData(Gfp.Gfp.NoIo)]
    public void A_request_that_may_not_enter_the_filesystem_kills_nobody_and_reports_progress(GfpFlags gfp)
    {
        // out_of_memory(): "The OOM killer does not compensate for IO-less reclaim": without __GFP_FS (and
        // outside memcg OOM) it returns true before select_bad_process(), so the caller retries and a
        // __GFP_FS allocation is left to kill. "other" holds the only 20 pages a kill could free.
        var (world, task, other) = OomWorlds.OtherHolds(20);

        Assert.True(OomKiller.OutOfMemory(world, new AllocRequest(task, gfp, 0, PageOwner.Unmovable)));
        Assert.False(other.Killed);
        Assert.Equal(20, other.HeldPages);
        Assert.Equal(0, world.Vm[VmEvent.OomKill]);
    }

    [Fact]
    public void A_gfp_kernel_request_in_the_same_world_kills_the_task_holding_the_pages()
    {
        // The control: the same world and a GFP_KERNEL request, so the test above fails for the flag alone.
        var (world, task, other) = OomWorlds.OtherHolds(20);

        Assert.True(OomKiller.OutOfMemory(world, new AllocRequest(task, Gfp.Gfp.Kernel, 0, PageOwner.Unmovable)));
        Assert.True(other.Killed);
        Assert.Equal(1, world.Vm[VmEvent.OomKill]);
    }
}
