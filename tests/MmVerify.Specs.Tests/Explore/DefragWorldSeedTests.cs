using MmVerify.Engine.Explore;
using MmVerify.Engine.Properties;
using MmVerify.Model.Gfp;
using MmVerify.Specs.Explore;

namespace MmVerify.Specs.Tests.Explore;

/// <summary>Seed 004 in the explicit world: the as-posted retry loop before OOM as a fair lasso, the fix's complete search.</summary>
public sealed class DefragWorldSeedTests
{
    private static (DefragWorld World, ExploreOutcome Outcome) Explore(string variant, int threads = 2)
    {
        var world = (DefragWorld)ExploreSession.World(ExploreSession.DefragScenario, variant);
        return (world, ExploreSession.Run(world, [], new ExploreOptions(Threads: threads)));
    }

    [Fact]
    public void As_posted_the_retry_before_oom_is_a_fair_lasso_that_never_reaches_the_oom_killer()
    {
        var (world, o) = Explore("linux-7.2+defrag-mode");
        Assert.True(o.Complete);
        var r = o.Results.Single();
        Assert.Equal("alloc.terminates", r.Property);
        Assert.Equal(Verdict.Violated, r.Verdict);
        var lasso = r.Counterexample!;
        Assert.True(lasso.IsLasso);
        Assert.Equal(lasso.States[lasso.LoopStart], lasso.States[^1]);
        var cycle = lasso.Actions.Skip(lasso.LoopStart).Select(world.ActionName).ToArray();
        Assert.Equal(["attempt", "direct-reclaim", "before-oom"], cycle);
        var states = lasso.States.Skip(lasso.LoopStart).Select(AllocState.Unpack).ToArray();
        Assert.All(states, s => Assert.NotEqual(AllocPhase.Oom, s.Phase));
        Assert.All(states, s => Assert.NotEqual(AllocPhase.GotPage, s.Phase));

        // "alloc_flags &= ALLOC_NOFRAGMENT" keeps the flag (and only it)
        Assert.All(states, s => Assert.Equal(AllocFlags.NoFragment, s.Flags & AllocFlags.NoFragment));
        Assert.Contains(states, s => s.Flags == AllocFlags.NoFragment);
    }

    [Fact]
    public void Linux_7_2_clears_nofragment_once_and_reaches_the_oom_killer_in_a_complete_search()
    {
        var (world, o) = Explore("linux-7.2");
        Assert.True(o.Complete);
        Assert.Equal(Verdict.Holds, o.Results.Single().Verdict);
        Assert.NotEqual(AllocFlags.None, world.StartFlags & AllocFlags.NoFragment);
    }

    [Theory]
    [InlineData("linux-7.2")]
    [InlineData("linux-7.2+defrag-mode")]
    public void Thread_count_changes_nothing(string variant)
    {
        var (_, one) = Explore(variant, 1);
        var (_, four) = Explore(variant, 4);
        Assert.Equal(one.States, four.States);
        Assert.Equal(one.Transitions, four.Transitions);
        Assert.Equal(one.Results.Single().Verdict, four.Results.Single().Verdict);
        Assert.Equal(one.Results.Single().Counterexample?.States, four.Results.Single().Counterexample?.States);
    }

    [Fact]
    public void A_written_counterexample_reproduces_and_not_on_the_fix()
    {
        var (world, o) = Explore("linux-7.2+defrag-mode");
        var cex = ExploreCounterexample.Of(ExploreSession.DefragScenario, world, "alloc.terminates", o.Results.Single().Counterexample!);
        var path = Path.Combine(Path.GetTempPath(), $"explore-cex-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, cex.ToJson());
        Assert.True(ExploreReplayer.Replay(ExploreCounterexample.Read(path)).Reproduced);
        File.WriteAllText(path, (cex with { Variant = "linux-7.2" }).ToJson());
        Assert.False(ExploreReplayer.Replay(ExploreCounterexample.Read(path)).Reproduced);
    }
}
