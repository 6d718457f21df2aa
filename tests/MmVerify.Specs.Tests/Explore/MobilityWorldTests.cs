using MmVerify.Engine.Explore;
using MmVerify.Engine.Properties;
using MmVerify.Specs.Explore;

namespace MmVerify.Specs.Tests.Explore;

/// <summary>The mobility world (S5 defrag-mode-thp-kbuild): verdicts come from complete searches.</summary>
public sealed class MobilityWorldTests
{
    private const string S5 = ExploreSession.ThpKbuildScenario;

    private static ExploreOutcome Explore(string variant, int threads = 2) =>
        ExploreSession.Run(ExploreSession.World(S5, variant), [], new ExploreOptions(Threads: threads));

    private static Verdict Verdict(ExploreOutcome o, string property) => o.Results.Single(r => r.Property == property).Verdict;

    [Fact]
    public void Without_defrag_mode_a_fallback_mixes_a_pageblock()
    {
        var o = Explore("linux-7.2");
        Assert.True(o.Complete);
        Assert.Equal(Engine.Properties.Verdict.Violated, Verdict(o, "defrag.no-pollution"));
        Assert.Equal(Engine.Properties.Verdict.Holds, Verdict(o, "defrag.wake-order"));
        var t = o.Results.Single(r => r.Property == "defrag.no-pollution").Counterexample!;
        Assert.Equal(0, MobilityState.Unpack(t.States[^2]).Mixed);
        Assert.Equal(1, MobilityState.Unpack(t.States[^1]).Mixed);
    }

    [Fact]
    public void Patch_3_alone_wakes_kswapd_below_pageblock_order_patch_4_does_not()
    {
        var alone = Explore("linux-7.2+defrag-mode");
        Assert.Equal(Engine.Properties.Verdict.Holds, Verdict(alone, "defrag.no-pollution"));
        Assert.Equal(Engine.Properties.Verdict.Violated, Verdict(alone, "defrag.wake-order"));
        var assist = Explore("linux-7.2+defrag-mode-kswapd-assist");
        Assert.True(assist.Complete);
        Assert.All(assist.Results, r => Assert.Equal(Engine.Properties.Verdict.Holds, r.Verdict));
    }

    [Fact]
    public void The_verdicts_do_not_depend_on_the_thread_count()
    {
        var one = Explore("linux-7.2", threads: 1);
        var four = Explore("linux-7.2", threads: 4);
        Assert.Equal(one.States, four.States);
        Assert.Equal(one.Transitions, four.Transitions);
        Assert.Equal(one.Results.Select(r => r.Counterexample?.States), four.Results.Select(r => r.Counterexample?.States));
    }

    [Fact]
    public void Packing_is_canonical_and_lossless()
    {
        var s = new MobilityState([new(1, 4, 0), new(0, 2, 1), new(1, 0, 3), new(0, 7, 0)], true);
        var back = MobilityState.Unpack(s.Pack());
        Assert.Equal(s.Pack(), back.Pack());
        Assert.Equal(s.Pack(), new MobilityState(s.Blocks.Reverse().ToArray(), true).Pack());
        Assert.True(back.WokeLow);
    }
}
