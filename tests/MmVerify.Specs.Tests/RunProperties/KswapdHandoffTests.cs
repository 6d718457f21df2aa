using MmVerify.Engine.Properties;
using MmVerify.Model.Gfp;
using MmVerify.Model.Trace;

namespace MmVerify.Specs.Tests.RunProperties;

public sealed class KswapdHandoffTests
{
    [Fact]
    public void Restarting_the_high_order_run_on_a_node_balanced_at_order0_is_violated()
    {
        // Violated at 2 s: kswapd dropped order 3 to 0, then began order 3 again on a node balanced at 0 with no new wakeup.
        var run = new RunRecordBuilder()
            .Event(new BalancePgdatBeginEvent(1_000_000_000, "kswapd0", 100, 0, 3, 2))
            .Event(new BalancePgdatEndEvent(1_500_000_000, "kswapd0", 100, 0, 0, 2, 64, false))
            .Event(new BalancePgdatBeginEvent(2_000_000_000, "kswapd0", 100, 0, 3, 2, BalancedAtOrder0: true))
            .Build();

        var result = RunRecordBuilder.Judge("kswapd.handoff", run);

        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal(2.0, result.At);
    }

    [Fact]
    public void A_new_request_between_the_runs_holds()
    {
        // Holds: an allocator wakeup after the drop is a new request, so the second high-order run is wanted.
        var run = new RunRecordBuilder()
            .Event(new BalancePgdatBeginEvent(1_000_000_000, "kswapd0", 100, 0, 3, 2))
            .Event(new BalancePgdatEndEvent(1_500_000_000, "kswapd0", 100, 0, 0, 2, 64, false))
            .Event(new WakeupKswapdEvent(1_800_000_000, "rx", 7, 0, 2, 3, Gfp.Atomic))
            .Event(new BalancePgdatBeginEvent(2_000_000_000, "kswapd0", 100, 0, 3, 2, BalancedAtOrder0: true))
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("kswapd.handoff", run).Verdict);
    }

    [Fact]
    public void A_run_on_a_node_not_balanced_at_order0_holds()
    {
        // Holds: after the drop the node fell below its order-0 watermarks, so reclaiming again is not for the handed-off order.
        var run = new RunRecordBuilder()
            .Event(new BalancePgdatBeginEvent(1_000_000_000, "kswapd0", 100, 0, 3, 2))
            .Event(new BalancePgdatEndEvent(1_500_000_000, "kswapd0", 100, 0, 0, 2, 64, false))
            .Event(new BalancePgdatBeginEvent(2_000_000_000, "kswapd0", 100, 0, 3, 2, BalancedAtOrder0: false))
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("kswapd.handoff", run).Verdict);
    }
}
