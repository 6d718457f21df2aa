using MmVerify.Engine.Properties;

namespace MmVerify.Specs.Tests.RunProperties;

public sealed class KswapdRevivesTests
{
    private static readonly Dictionary<string, double> PressureEndsAt10 = new() { ["pressure_ends_s"] = 10, ["within_s"] = 10 };

    [Fact]
    public void A_node_left_hopeless_and_unbalanced_after_the_hog_exits_is_violated()
    {
        // Violated at 20 s: node 0 was hopeless (16 failures) when the pressure ended at 10 s and still is, unbalanced, 10 s later.
        var run = new RunRecordBuilder()
            .ExitedTask()
            .Sample(10, kswapdFailures: 16, balanced: false)
            .Sample(20, kswapdFailures: 16, balanced: false)
            .Build();

        var result = RunRecordBuilder.Judge("kswapd.revives", run, PressureEndsAt10);

        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal(20.0, result.At);
    }

    [Fact]
    public void A_node_whose_failures_were_cleared_holds()
    {
        // Holds: the hopeless node's kswapd_failures went back to 0 within the window.
        var run = new RunRecordBuilder()
            .ExitedTask()
            .Sample(10, kswapdFailures: 16, balanced: false)
            .Sample(20, kswapdFailures: 0, balanced: false)
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("kswapd.revives", run, PressureEndsAt10).Verdict);
    }

    [Fact]
    public void A_node_still_hopeless_but_balanced_holds()
    {
        // Holds: a balanced node needs no background reclaim, hopeless or not.
        var run = new RunRecordBuilder()
            .ExitedTask()
            .Sample(10, kswapdFailures: 16, balanced: false)
            .Sample(20, kswapdFailures: 16, balanced: true)
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("kswapd.revives", run, PressureEndsAt10).Verdict);
    }

    [Fact]
    public void A_run_in_which_no_task_exited_is_unknown()
    {
        // Unknown: a generated workload without the hog's exit never ends the pressure, so there is nothing to judge.
        var run = new RunRecordBuilder()
            .Sample(10, kswapdFailures: 16, balanced: false)
            .Sample(20, kswapdFailures: 16, balanced: false)
            .Build();

        Assert.Equal(Verdict.Unknown, RunRecordBuilder.Judge("kswapd.revives", run, PressureEndsAt10).Verdict);
    }

    [Fact]
    public void Without_pressure_ends_s_the_verdict_is_unknown()
    {
        // Unknown: the scenario does not say when the pressure source goes.
        var run = new RunRecordBuilder()
            .ExitedTask()
            .Sample(10, kswapdFailures: 16, balanced: false)
            .Sample(20, kswapdFailures: 16, balanced: false)
            .Build();

        Assert.Equal(Verdict.Unknown, RunRecordBuilder.Judge("kswapd.revives", run).Verdict);
    }

    [Fact]
    public void A_run_that_ends_inside_the_window_is_unknown()
    {
        // Unknown: the run stops at 15 s, before the 20 s the node has to revive by.
        var run = new RunRecordBuilder()
            .ExitedTask()
            .Sample(10, kswapdFailures: 16, balanced: false)
            .Sample(15, kswapdFailures: 16, balanced: false)
            .Build();

        Assert.Equal(Verdict.Unknown, RunRecordBuilder.Judge("kswapd.revives", run, PressureEndsAt10).Verdict);
    }
}
