using MmVerify.Model.Trace;

namespace MmVerify.Specs.Tests.Seeds;

/// <summary>
/// Seed 001 (SCENARIOS.md D): memory.high reclaim and the kswapd failure counter. Node 0 is filled with
/// unreclaimable anon by t = 10 s; containers reclaim their own page cache until the hog exits at 60 s.
/// </summary>
public class Seed001FailureCounterTests
{
    private const string Scenario = "memcg-high-revives-kswapd";
    private static readonly Lazy<SeedRun> Linux612 = new(() => SeedRun.Of(Scenario, "linux-6.12", 70));
    private static readonly Lazy<SeedRun> Linux72 = new(() => SeedRun.Of(Scenario, "linux-7.2", 70));

    [Fact]
    public void On_linux_6_12_progress_keeps_resetting_the_counter_and_kswapd_never_stops()
    {
        var run = Linux612.Value;

        for (var t = 15; t <= 60; t++)
        {
            Assert.True(run.At(t).KswapdBusy[0] > 0.5, $"t={t}: kswapd0 busy {run.At(t).KswapdBusy[0]:P0}");
        }

        // Resets happen while node 0 is not balanced.
        Assert.Contains(run.Events<KswapdClearHopelessEvent>(), e => e.Nid == 0 && !e.NodeBalanced && e.TimeNs > 10_000_000_000);
    }

    [Fact]
    public void On_linux_7_2_kswapd_fails_exactly_sixteen_times_then_stays_asleep_until_a_reset_at_balance()
    {
        var run = Linux72.Value;
        var fails = run.Events<KswapdReclaimFailEvent>().Where(e => e.Nid == 0).ToArray();

        Assert.Equal(Enumerable.Range(1, 16), fails.Select(e => e.Failures));

        var lastFail = fails[^1].TimeNs;
        var firstReset = run.Events<KswapdClearHopelessEvent>().Where(e => e.Nid == 0).Select(e => e.TimeNs).DefaultIfEmpty(long.MaxValue).Min();
        Assert.DoesNotContain(run.Events<KswapdWakeEvent>(), e => e.Nid == 0 && e.TimeNs > lastFail && e.TimeNs < firstReset);

        // Every reset is at balance (or the multi-node PCP path).
        Assert.All(run.Events<KswapdClearHopelessEvent>(), e => Assert.True(e.NodeBalanced || e.Reason == HopelessClearReason.Pcp, e.ToString()));

        // While the hog holds node 0, kswapd0 does nothing.
        for (var t = 15; t <= 60; t++)
        {
            Assert.Equal(0.0, run.At(t).KswapdBusy[0]);
        }
    }
}
