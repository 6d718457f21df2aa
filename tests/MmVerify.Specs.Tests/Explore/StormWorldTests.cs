using MmVerify.Engine.Explore;
using MmVerify.Engine.Properties;
using MmVerify.Specs.Explore;

namespace MmVerify.Specs.Tests.Explore;

/// <summary>The storm world (S1 net-order3-frag-storm, S8 kswapd-order-aware-2004): verdicts come from complete searches.</summary>
public sealed class StormWorldTests
{
    private const string S1 = ExploreSession.StormScenario;

    private const string S8 = ExploreSession.OrderAwareScenario;

    private static (IExploreWorld World, ExploreOutcome Outcome) Explore(string scenario, string variant, string property, int threads = 2)
    {
        var world = ExploreSession.World(scenario, variant);
        return (world, ExploreSession.Run(world, [property], new ExploreOptions(Threads: threads)));
    }

    [Fact]
    public void The_storm_keeps_kswapd_from_sleeping_for_good_a_fair_lasso()
    {
        var (world, o) = Explore(S1, "linux-7.2+net-frag-nowake", "kswapd.sleeps");
        Assert.True(o.Complete);
        var r = o.Results.Single();
        Assert.Equal(Verdict.Violated, r.Verdict);
        Assert.True(r.Counterexample!.IsLasso);
        var cycle = r.Counterexample.Actions.Skip(r.Counterexample.LoopStart).Select(world.ActionName).ToArray();
        Assert.Contains("kswapd-balance-start", cycle);
        Assert.Contains("fallback-steal-boost", cycle);
    }

    [Theory]
    [InlineData(S1, "linux-7.2")]
    [InlineData(S1, "linux-6.12")]
    [InlineData(S8, "linux-7.2")]
    public void Dropping_to_order_zero_after_compact_gap_bounds_each_run(string scenario, string variant)
    {
        var (_, o) = Explore(scenario, variant, "kswapd.no-futile-reclaim");
        Assert.True(o.Complete);
        Assert.Equal(Verdict.Holds, o.Results.Single().Verdict);
    }

    [Fact]
    public void Order_aware_kswapd_reclaims_past_compact_gap_while_balanced_at_order_zero()
    {
        var (world, o) = Explore(S8, "linux-7.2+order-aware-kswapd", "kswapd.no-futile-reclaim");
        var t = o.Results.Single().Counterexample!;
        Assert.False(t.IsLasso);
        Assert.Equal("kswapd-balance-pass", world.ActionName(t.Actions[^1]));
        var before = StormState.Unpack(t.States[^2]);
        Assert.Equal(3, before.ScOrder);
        Assert.True(before.Reclaimed >= 16);
    }

    [Fact]
    public void The_verdicts_do_not_depend_on_the_thread_count()
    {
        var (_, one) = Explore(S8, "linux-7.2+order-aware-kswapd", "kswapd.sleeps", threads: 1);
        var (_, four) = Explore(S8, "linux-7.2+order-aware-kswapd", "kswapd.sleeps", threads: 4);
        Assert.Equal(one.States, four.States);
        Assert.Equal(one.Transitions, four.Transitions);
        Assert.Equal(one.Results.Single().Verdict, four.Results.Single().Verdict);
        Assert.Equal(one.Results.Single().Counterexample!.States, four.Results.Single().Counterexample!.States);
    }

    [Fact]
    public void A_storm_counterexample_replays_from_its_file_and_not_on_another_world()
    {
        var (world, o) = Explore(S8, "linux-7.2+order-aware-kswapd", "kswapd.no-futile-reclaim");
        var cex = ExploreCounterexample.Of(S8, world, "kswapd.no-futile-reclaim", o.Results.Single().Counterexample!);
        var read = ExploreCounterexample.Parse(cex.ToJson(), "f.json");
        Assert.True(ExploreReplayer.Replay(read).Reproduced);
        Assert.False(ExploreReplayer.Replay(read with { Variant = "linux-7.2" }).Reproduced);
    }

    [Fact]
    public void Packing_is_lossless_at_the_bounds()
    {
        var s = new StormState(63, 31, true, 15, 15, StormKswapd.Running, 3, 3, 3, StormState.MaxReclaimed, 16);
        Assert.Equal(s, StormState.Unpack(s.Pack()));
        Assert.True(s.Pack() < 1UL << 38);
    }
}
