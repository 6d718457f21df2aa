using MmVerify.Engine.Explore;
using MmVerify.Engine.Properties;
using MmVerify.Model.Variants;
using MmVerify.Specs.Explore;
using MmVerify.Specs.Theories;

namespace MmVerify.Specs.Tests.Explore;

/// <summary>Seed 001 in the explicit world: the 6.12 livelock as a fair lasso, the fix's complete searches.</summary>
public sealed class KswapdWorldSeedTests
{
    private static ExploreOutcome Explore(string variant, int threads = 2) =>
        ExploreSession.Run(ExploreSession.World(ExploreSession.Scenario, variant), [], new ExploreOptions(Threads: threads));

    private static Verdict VerdictOf(ExploreOutcome o, string property) => o.Results.Single(r => r.Property == property).Verdict;

    [Fact]
    public void Linux_6_12_livelock_is_a_fair_lasso_of_futile_kswapd_runs_and_memcg_resets()
    {
        var world = (KswapdWorld)ExploreSession.World(ExploreSession.Scenario, "linux-6.12");
        var o = ExploreSession.Run(world, ["kswapd.sleeps"], new ExploreOptions());
        Assert.True(o.Complete);
        var lasso = o.Results.Single().Counterexample!;
        Assert.True(lasso.IsLasso);
        var cycle = lasso.Actions.Skip(lasso.LoopStart).Select(KswapdWorld.KindOf).ToArray();
        Assert.Contains(NodeAction.KswapdFinish, cycle);
        Assert.Contains(NodeAction.MemcgReclaim, cycle);
        var states = lasso.States.Skip(lasso.LoopStart).Select(s => NodeState.Of(s, 0)).ToArray();
        Assert.All(states, n => Assert.False(world.Hopeless(n) || world.Balanced(n) || n.Phase == KswapdRunPhase.Asleep));
        Assert.Contains(states, n => n.Failures > 0);
        Assert.Equal(lasso.States[lasso.LoopStart], lasso.States[^1]);
    }

    [Fact]
    public void Linux_6_12_violates_the_reset_properties_with_shortest_paths()
    {
        var o = Explore("linux-6.12");
        Assert.Equal(Verdict.Violated, VerdictOf(o, "kswapd.hopeless"));
        Assert.Equal(Verdict.Violated, VerdictOf(o, "kswapd.reset-when-balanced"));
        // The shortest kswapd.hopeless violation on 6.12 is a boosted run counted as a failure (fixed ≈v6.19);
        // the seed-001 reset of a non-zero count while unbalanced is kswapd.reset-when-balanced's.
        var hopeless = o.Results.Single(r => r.Property == "kswapd.hopeless").Counterexample!;
        Assert.Equal(NodeAction.KswapdFinish, KswapdWorld.KindOf(hopeless.Actions[^1]));
        Assert.True(NodeState.Of(hopeless.States[^2], 0).BoostAtStart > 0);
        var reset = o.Results.Single(r => r.Property == "kswapd.reset-when-balanced").Counterexample!;
        Assert.True(NodeState.Of(reset.States[^2], 0).Failures >= 1);
        Assert.Equal(0, NodeState.Of(reset.States[^1], 0).Failures);
    }

    [Theory]
    [InlineData("linux-7.2")]
    [InlineData("linux-6.12+reset-when-balanced")]
    public void The_fix_holds_on_a_complete_search(string variant)
    {
        var o = Explore(variant);
        Assert.True(o.Complete);
        Assert.True(o.States > 1000);
        Assert.Equal(Verdict.Holds, VerdictOf(o, "kswapd.sleeps"));
        Assert.Equal(Verdict.Holds, VerdictOf(o, "kswapd.reset-when-balanced"));

        // 6.12 still counts a boosted run that reclaims nothing (fixed ≈v6.19); P-HOPELESS counts only non-boosted runs.
        Assert.Equal(variant == "linux-7.2" ? Verdict.Holds : Verdict.Violated, VerdictOf(o, "kswapd.hopeless"));
        if (variant != "linux-7.2")
        {
            var c = o.Results.Single(r => r.Property == "kswapd.hopeless").Counterexample!;
            Assert.Equal(NodeAction.KswapdFinish, KswapdWorld.KindOf(c.Actions[^1]));
            var (before, after) = (NodeState.Of(c.States[^2], 0), NodeState.Of(c.States[^1], 0));
            Assert.True(before.BoostAtStart > 0);
            Assert.Equal(before.Failures + 1, after.Failures);
        }
    }

    [Theory]
    [InlineData("linux-6.12")]
    [InlineData("linux-7.2")]
    public void A_boost_raised_during_a_run_survives_it(string variant)
    {
        var world = ExploreSession.World(ExploreSession.Scenario, variant);
        var lasso = ExploreSession.Run(world, ["boost.decays"], new ExploreOptions()).Results.Single().Counterexample!;
        Assert.True(lasso.IsLasso);
        Assert.All(lasso.States.Skip(lasso.LoopStart), s => Assert.True(NodeState.Of(s, 0).Boost > 0));
        Assert.Contains(lasso.Actions.Take(lasso.LoopStart).Select(KswapdWorld.KindOf), k => k == NodeAction.KswapdFinish);
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var one = Explore("linux-6.12", threads: 1);
        var two = Explore("linux-6.12", threads: 2);
        Assert.Equal(one.States, two.States);
        Assert.Equal(one.Transitions, two.Transitions);
        for (var i = 0; i < one.Results.Count; i++)
        {
            Assert.Equal(one.Results[i].Counterexample!.States, two.Results[i].Counterexample!.States);
            Assert.Equal(one.Results[i].Counterexample!.Actions, two.Results[i].Counterexample!.Actions);
        }
    }

    [Fact]
    public void Failure_table_follows_the_variant_policy()
    {
        var old = new FailureTable(VariantCatalog.Resolve("linux-6.12"));
        var fix = new FailureTable(VariantCatalog.Resolve("linux-7.2"));
        Assert.Equal(0, old.Next(CounterEvent.MemcgReclaim, true, false, false, 5));
        Assert.Equal(5, fix.Next(CounterEvent.MemcgReclaim, true, false, false, 5));
        Assert.Equal(6, old.Next(CounterEvent.KswapdRun, false, true, false, 5));
        Assert.Equal(5, fix.Next(CounterEvent.KswapdRun, false, true, false, 5));
    }

    [Fact]
    public void Packing_round_trips()
    {
        var n = new NodeState(31, 7, 15, 7, 6, 16, KswapdRunPhase.Running, true);
        Assert.Equal(n, NodeState.Unpack(n.Pack()));
        var two = NodeState.With(NodeState.With(0, 0, n), 1, n with { Free = 3 });
        Assert.Equal(n, NodeState.Of(two, 0));
        Assert.Equal(3, NodeState.Of(two, 1).Free);
    }
}
