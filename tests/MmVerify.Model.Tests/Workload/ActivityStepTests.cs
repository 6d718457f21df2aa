using MmVerify.Model.Workload;

namespace MmVerify.Model.Tests.WorkloadTests;

// checks Activity.Step(), the workload scheduler of one task's operation (no kernel counterpart: it plays user space)
public class ActivityStepTests
{
    [Fact]
    public void An_activity_past_its_phase_end_finishes_without_running()
    {
        var world = TaskWorld.New();
        var activity = TaskWorld.Activity(world, TaskWorld.Spec(OpKind.FaultAnon), endSeconds: 1);
        world.Clock.NowNs = 1_000_000_000;

        activity.Step(world);

        Assert.True(activity.Finished);
        Assert.Equal(long.MaxValue, activity.NextRunNs);
        Assert.Equal(0, activity.Done);
    }

    [Theory]
    // One fault takes 1250 ns of the task's time. At 1000 operations per second the next one is due
    // 1 ms later; at rate 0 ("as fast as the cost allows") as soon as this one is done.
    [InlineData(1000.0, 1_000_000)]
    [InlineData(0.0, 1_250)]
    public void A_step_charges_the_task_and_schedules_by_rate_or_cost(double rate, long next)
    {
        var world = TaskWorld.New();
        var activity = TaskWorld.Activity(world, TaskWorld.Spec(OpKind.FaultAnon) with { RatePerSecond = rate });

        activity.Step(world);

        Assert.Equal(1, activity.Done);
        Assert.Equal(1_250, world.Tasks[0].BusyNs);
        Assert.Equal(next, activity.NextRunNs);
        Assert.False(activity.Finished);
    }

    [Theory]
    [InlineData(OpKind.DropCaches)]
    [InlineData(OpKind.Exit)]
    [InlineData(OpKind.FragmentArena)]
    public void One_shot_operations_finish_after_their_step(OpKind op)
    {
        var world = TaskWorld.New();
        var activity = TaskWorld.Activity(world, TaskWorld.Spec(op) with { ArenaPages = 1 });

        activity.Step(world);

        Assert.Equal(1, activity.Done);
        Assert.True(activity.Finished);
        Assert.Equal(long.MaxValue, activity.NextRunNs);
    }

    [Theory]
    // Pausing below "high" (48 pages): at exactly 48 free the node is not below it and the fault runs;
    // at 47 the task waits 10 ms.
    [InlineData(48, 1, 1_250)]
    [InlineData(47, 0, 10_000_000)]
    public void An_activity_pauses_only_while_free_memory_is_below_the_watermark(long free, long done, long next)
    {
        var world = TaskWorld.New();
        TaskWorld.TakeUntil(world.ZonesOf(0)[0], free);
        var activity = TaskWorld.Activity(world, TaskWorld.Spec(OpKind.FaultAnon) with { PauseBelowWatermark = "high" });

        activity.Step(world);

        Assert.Equal(done, activity.Done);
        Assert.Equal(next, activity.NextRunNs);
    }
}
