using MmVerify.Engine.Explore;
using MmVerify.Engine.Properties;
using MmVerify.Model.Variants;
using MmVerify.Specs.Explore;

namespace MmVerify.Specs.Tests.Explore;

/// <summary>The auto-tuning world (S4 atomic-burst-autotune): verdicts come from complete searches.</summary>
public sealed class TuneWorldTests
{
    /// <summary>2 x 2 GiB without THP: min_free_kbytes boots at 8192 kB, below 1% of RAM (41943 kB), so the raises and v2's decay run.</summary>
    private static readonly TuneWorldConfig Large = TuneWorldConfig.FromMachine(2, 1 << 19, thp: false, 250, 3600);

    private static ExploreOutcome Explore(TuneWorldConfig config, string variant, string property, int threads = 2) =>
        ExploreSession.Run(new TuneWorld(config, VariantCatalog.Resolve(variant)), [property], new ExploreOptions(Threads: threads));

    [Fact]
    public void V1_tunes_twice_within_the_debounce_window_v2_and_v3_do_not()
    {
        var v1 = Explore(TuneWorldConfig.Small, "autotune-v1", "tune.debounce").Results.Single();
        Assert.Equal(Verdict.Violated, v1.Verdict);
        Assert.Equal(2, v1.Counterexample!.Actions.Count(a => a != (int)TuneAction.Tick));
        foreach (var v in new[] { "autotune-v2", "autotune-v3" })
        {
            var o = Explore(Large, v, "tune.debounce");
            Assert.True(o.Complete);
            Assert.Equal(Verdict.Holds, o.Results.Single().Verdict);
        }
    }

    [Fact]
    public void A_gfp_nowait_failure_tunes_on_every_patch_not_on_the_baseline()
    {
        foreach (var v in new[] { "autotune-v1", "autotune-v2", "autotune-v3" })
        {
            var r = Explore(TuneWorldConfig.Small, v, "tune.trigger").Results.Single();
            Assert.Equal(Verdict.Violated, r.Verdict);
            Assert.Equal((int)TuneAction.NowaitFailure, r.Counterexample!.Actions[^1]);
        }

        Assert.Equal(Verdict.Holds, Explore(TuneWorldConfig.Small, "linux-7.2", "tune.trigger").Results.Single().Verdict);
    }

    [Theory]
    [InlineData("autotune-v1")]
    [InlineData("autotune-v2")]
    public void Raises_stop_at_one_percent_of_ram_and_v2_decays_back(string variant)
    {
        var o = Explore(Large, variant, "tune.cap");
        Assert.True(o.Complete);
        Assert.Equal(Verdict.Holds, o.Results.Single().Verdict);
        Assert.True(o.States > (variant == "autotune-v2" ? 1000 : 5), $"{o.States} states: the raises (and v2's decay) were not exercised");
    }

    [Fact]
    public void A_cap_below_the_boot_value_is_a_violation_the_property_can_report()
    {
        // a faulty cap (0.1% of RAM) kept in the test: the same world and property judge it violated
        var world = new TuneWorld(Large, VariantCatalog.Resolve("autotune-v1"));
        var tight = new StateInvariant("tune.cap", s => TuneState.Unpack(s).MinFreeKbytes <= (Large.TotalRamPages << 2) / 1000);
        Assert.Equal(Verdict.Violated, Explorer.Run(world, [tight], new ExploreOptions()).Results.Single().Verdict);
    }

    [Fact]
    public void The_verdicts_do_not_depend_on_the_thread_count()
    {
        var one = Explore(Large, "autotune-v2", "tune.trigger", threads: 1);
        var four = Explore(Large, "autotune-v2", "tune.trigger", threads: 4);
        Assert.Equal(one.States, four.States);
        Assert.Equal(one.Transitions, four.Transitions);
        Assert.Equal(one.Results.Single().Counterexample!.States, four.Results.Single().Counterexample!.States);
    }
}
