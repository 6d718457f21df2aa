using MmVerify.Engine.Properties;
using MmVerify.Model.Trace;

namespace MmVerify.Specs.Tests.RunProperties;

/// <summary>
/// kswapd.no-futile-reclaim on hand-built runs: what seed 003's 2004 kswapd does when no order-3 block can
/// form (it reclaims on at order 3), and what 7.2 does (it stops after compact_gap). The runs are on
/// linux-7.2's compact_gap: min(2 &lt;&lt; order, 32).
/// </summary>
public sealed class KswapdNoFutileReclaimTests
{
    [Fact]
    public void An_order_3_run_on_a_node_balanced_at_order_0_that_reclaims_thousands_of_pages_is_violated()
    {
        // Violated at 3 s: 5000 pages reclaimed for order 3 against compact_gap(3) 16 + 32 + the 1024-page slack.
        var run = new RunRecordBuilder()
            .Event(new BalancePgdatBeginEvent(2_000_000_000, "kswapd0", 70, 0, 3, 2, BalancedAtOrder0: true))
            .Event(new BalancePgdatEndEvent(3_000_000_000, "kswapd0", 70, 0, 3, 2, 5000, false))
            .Build();

        var result = RunRecordBuilder.Judge("kswapd.no-futile-reclaim", run);

        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal(3.0, result.At);
    }

    [Fact]
    public void A_run_that_stops_after_compact_gap_holds()
    {
        // Holds: the same run stopping at 48 pages, as 7.2's kswapd does once it drops to order 0.
        var run = new RunRecordBuilder()
            .Event(new BalancePgdatBeginEvent(2_000_000_000, "kswapd0", 70, 0, 3, 2, BalancedAtOrder0: true))
            .Event(new BalancePgdatEndEvent(3_000_000_000, "kswapd0", 70, 0, 0, 2, 48, false))
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("kswapd.no-futile-reclaim", run).Verdict);
    }

    [Fact]
    public void A_run_that_started_unbalanced_or_boosted_is_not_judged_futile()
    {
        // Holds: reclaim is wanted when the node is below its order-0 watermarks, and boosted runs reclaim the boost.
        var run = new RunRecordBuilder()
            .Event(new BalancePgdatBeginEvent(2_000_000_000, "kswapd0", 70, 0, 3, 2, BalancedAtOrder0: false))
            .Event(new BalancePgdatEndEvent(3_000_000_000, "kswapd0", 70, 0, 3, 2, 5000, false))
            .Event(new BalancePgdatBeginEvent(4_000_000_000, "kswapd0", 70, 0, 3, 2, BalancedAtOrder0: true))
            .Event(new BalancePgdatEndEvent(5_000_000_000, "kswapd0", 70, 0, 3, 2, 5000, true))
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("kswapd.no-futile-reclaim", run).Verdict);
    }
}
