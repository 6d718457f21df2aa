using MmVerify.Engine.Explore;
using MmVerify.Engine.Properties;

namespace MmVerify.Engine.Tests.Explore;

public sealed class ExplorerTests
{
    [Fact]
    public void Grid_is_explored_completely_with_exact_counts()
    {
        var o = Explorer.Run(new Grid(10), [], new ExploreOptions());
        Assert.True(o.Complete);
        Assert.Equal(100, o.States);
        Assert.Equal(180, o.Transitions);
        Assert.Equal(19, o.Depth);
    }

    [Fact]
    public void State_invariant_gives_a_shortest_counterexample()
    {
        var p = new StateInvariant("sum", s => Grid.X(s) + Grid.Y(s) != 7);
        var r = Explorer.Run(new Grid(10, reset: true), [p], new ExploreOptions()).Results.Single();
        Assert.Equal(Verdict.Violated, r.Verdict);
        Assert.Equal(7, r.Counterexample!.Actions.Count);
        Assert.Equal(7, Grid.X(r.Counterexample.States[^1]) + Grid.Y(r.Counterexample.States[^1]));
    }

    [Fact]
    public void Step_invariant_ends_with_the_bad_step()
    {
        var p = new StepInvariant("no-reset-from-far", (s, step) => !(step.Action == 2 && Grid.X(s) >= 3));
        var r = Explorer.Run(new Grid(10, reset: true), [p], new ExploreOptions()).Results.Single();
        Assert.Equal(Verdict.Violated, r.Verdict);
        Assert.Equal([0, 0, 0, 2], r.Counterexample!.Actions);
    }

    [Fact]
    public void Holding_invariant_holds_only_when_complete()
    {
        var p = new StateInvariant("small", s => Grid.X(s) < 10);
        Assert.Equal(Verdict.Holds, Explorer.Run(new Grid(10), [p], new ExploreOptions()).Results.Single().Verdict);
        var cut = Explorer.Run(new Grid(10), [p], new ExploreOptions(MaxStates: 20));
        Assert.False(cut.Complete);
        Assert.Equal(Verdict.Unknown, cut.Results.Single().Verdict);
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var props = new ExploreProperty[]
        {
            new StateInvariant("not-777", s => s != 777),
            new StepInvariant("no-a3-to-small", (s, step) => !(step.Action == 3 && step.Target < 50 && s > 40_000)),
            new FairLiveness("gf-even", s => s % 2 == 0, a => a == 1),
        };
        var runs = new[] { 1, 2, 4 }.Select(t => Explorer.Run(new Scramble(60_000), props, new ExploreOptions(Threads: t))).ToArray();
        Assert.True(runs[0].States > 1000, $"only {runs[0].States} states");
        foreach (var o in runs)
        {
            Assert.Equal(runs[0].States, o.States);
            Assert.Equal(runs[0].Transitions, o.Transitions);
            Assert.Equal(runs[0].Depth, o.Depth);
            for (var i = 0; i < props.Length; i++)
            {
                Assert.Equal(runs[0].Results[i].Verdict, o.Results[i].Verdict);
                Assert.Equal(runs[0].Results[i].Counterexample?.States, o.Results[i].Counterexample?.States);
                Assert.Equal(runs[0].Results[i].Counterexample?.Actions, o.Results[i].Counterexample?.Actions);
            }
        }
    }

    [Fact]
    public void Fair_lasso_is_found_and_shown()
    {
        // 0 -a0-> 1 -a1(fair)-> 2 -a2-> 1; goal: state 0 only
        var model = new Edges([(0, 0, 1), (1, 1, 2), (2, 2, 1)]);
        var r = Explorer.Run(model, [new FairLiveness("gf-0", s => s == 0, a => a == 1)], new ExploreOptions()).Results.Single();
        Assert.Equal(Verdict.Violated, r.Verdict);
        var t = r.Counterexample!;
        Assert.True(t.IsLasso);
        Assert.Equal(t.States[t.LoopStart], t.States[^1]);
        Assert.Contains(1, t.Actions.Skip(t.LoopStart));
        Assert.Equal([0UL, 1, 2, 1], t.States);
    }

    [Fact]
    public void Unfair_cycle_is_not_a_counterexample()
    {
        // the cycle 1 -a2-> 1 never takes the fair a1, which stays enabled at 1: weak fairness rules it out
        var model = new Edges([(0, 0, 1), (1, 2, 1), (1, 1, 3)]);
        var r = Explorer.Run(model, [new FairLiveness("gf-3", s => s == 3, a => a == 1)], new ExploreOptions()).Results.Single();
        Assert.Equal(Verdict.Holds, r.Verdict);
        Assert.Null(r.Counterexample);
    }

    [Fact]
    public void Cycle_through_a_state_where_the_fair_action_is_disabled_is_fair()
    {
        // 1 -a2-> 2 -a2-> 1, the fair a1 enabled at 1 only: the cycle passes 2 where it is disabled
        var model = new Edges([(0, 0, 1), (1, 2, 2), (2, 2, 1), (1, 1, 3)]);
        var r = Explorer.Run(model, [new FairLiveness("gf-3", s => s == 3, a => a == 1)], new ExploreOptions()).Results.Single();
        Assert.Equal(Verdict.Violated, r.Verdict);
        Assert.Equal([0UL, 1, 2, 1], r.Counterexample!.States);
        Assert.Equal(1, r.Counterexample.LoopStart);
    }

    [Fact]
    public void A_lasso_found_by_an_incomplete_search_is_reported_but_holds_is_not()
    {
        // a cycle 1 <-> 2 near the start, then a long chain 3, 4, ... that the budget cuts
        var edges = new List<(int, int, int)> { (0, 0, 1), (1, 1, 2), (2, 1, 1), (0, 2, 3) };
        edges.AddRange(Enumerable.Range(3, 100).Select(i => (i, 2, i + 1)));
        var model = new Edges([.. edges]);
        var o = Explorer.Run(model, [new FairLiveness("gf-0", s => s == 0, a => a == 1), new FairLiveness("gf-small", s => s < 50, a => a == 2)], new ExploreOptions(MaxStates: 10));
        Assert.False(o.Complete);
        Assert.Equal(Verdict.Violated, o.Results[0].Verdict);
        Assert.Equal(Verdict.Unknown, o.Results[1].Verdict);
    }
}
