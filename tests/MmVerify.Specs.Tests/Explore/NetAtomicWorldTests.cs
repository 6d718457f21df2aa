using MmVerify.Engine.Explore;
using MmVerify.Engine.Properties;
using MmVerify.Specs.Explore;

namespace MmVerify.Specs.Tests.Explore;

/// <summary>The atomic-net world (S7 defrag-mode-atomic-net): verdicts come from complete searches.</summary>
public sealed class NetAtomicWorldTests
{
    private const string S7 = ExploreSession.AtomicNetScenario;

    private static ExploreOutcome Explore(string variant, int threads = 2) =>
        ExploreSession.Run(ExploreSession.World(S7, variant), [], new ExploreOptions(Threads: threads));

    [Fact]
    public void Before_the_fix_an_admitted_atomic_request_fails_with_memory_free()
    {
        var o = Explore("linux-7.2+defrag-mode-kswapd-assist");
        Assert.All(o.Results, r => Assert.Equal(Verdict.Violated, r.Verdict));
        var t = o.Results.Single(r => r.Property == "alloc.admitted-succeeds").Counterexample!;
        var before = NetAtomicState.Unpack(t.States[^2]);
        Assert.Equal(0, before.FreeUnmovable);
        Assert.True(before.FreeMovable > 8);
    }

    [Fact]
    public void With_the_fix_the_request_steals_and_never_fails_above_the_reserve()
    {
        var o = Explore("linux-7.2");
        Assert.True(o.Complete);
        Assert.All(o.Results, r => Assert.Equal(Verdict.Holds, r.Verdict));
        Assert.True(o.States > 20);
    }

    [Fact]
    public void The_verdicts_do_not_depend_on_the_thread_count()
    {
        var one = Explore("linux-7.2", threads: 1);
        var four = Explore("linux-7.2", threads: 4);
        Assert.Equal(one.States, four.States);
        Assert.Equal(one.Transitions, four.Transitions);
        Assert.Equal(one.Results.Select(r => r.Verdict), four.Results.Select(r => r.Verdict));
    }
}
