using MmVerify.Model.Sim;
using MmVerify.Model.Variants;
using MmVerify.Model.Watermarks;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Tests;

/// <summary>From a scenario, a variant and a seed to the model's SimulationSetup.</summary>
public class ScenarioSetupTests
{
    [Fact]
    public void Everything_in_the_scenario_reaches_the_setup()
    {
        var s = TestFiles.Load("small-mixed");

        var setup = ScenarioSetup.Build(s, "net-frag-nowake", seed: 42);

        Assert.Same(s.Machine.Spec, setup.Machine);
        Assert.Equal(s.Machine.Geometry, setup.Geometry);
        Assert.Equal(1000, setup.Hz);
        Assert.Equal(64 * 256, setup.SwapPages);
        Assert.Equal(290, setup.UptimeAtStartSeconds);
        Assert.Equal(42UL, setup.Seed);
        Assert.Equal("linux-7.2+net-frag-nowake", setup.Policy.Name);
        Assert.Equal(s.Workload.Tasks, setup.Workload.Tasks);
        Assert.Equal(s.Workload.Memcgs, setup.Workload.Memcgs);
        Assert.Equal(s.Workload.Phases, setup.Workload.Phases);
    }

    [Fact]
    public void Written_sysctls_are_user_values()
    {
        var v = ScenarioSetup.Build(TestFiles.Load("small-mixed"), "linux-7.2").Sysctls;

        Assert.Equal(1024, v.UserMinFreeKbytes);
        Assert.Equal(1024, v.MinFreeKbytes);
        Assert.Equal(100, v.WatermarkScaleFactor);
        Assert.Equal(0, v.WatermarkBoostFactor);
        Assert.Equal([128L, 0, 32, 0, 0], v.LowmemReserveRatio!);
        Assert.True(v.DefragMode);
        Assert.True(v.HighOrderAllocDisable);
        Assert.True(v.NumaBalancingMemoryTiering);
        Assert.True(v.ThpEnabled);
        Assert.False(v.CompactionEnabled);
        Assert.True(v.PageGroupByMobilityDisabled);
    }

    [Fact]
    public void Default_sysctls_let_the_model_compute_min_free_kbytes()
    {
        var s = TestFiles.Load("minimal");

        var setup = ScenarioSetup.Build(s, "linux-6.12");

        Assert.Equal(-1, setup.Sysctls.UserMinFreeKbytes);
        Assert.Null(setup.Sysctls.LowmemReserveRatio);
        Assert.Equal(WatermarkSetup.ThpEnabledByDefault(s.Machine.Spec), setup.Sysctls.ThpEnabled);
        Assert.False(setup.Sysctls.ThpEnabled);
        Assert.Equal(ScenarioSetup.DefaultSeed, setup.Seed);
        Assert.Equal(ScenarioMachine.DefaultHz, setup.Hz);
        Assert.Equal(new SimulationSetup { Machine = s.Machine.Spec, Sysctls = new(), Workload = s.Workload, Policy = setup.Policy }.UptimeAtStartSeconds, setup.UptimeAtStartSeconds);
        Assert.True(setup.Sysctls.CompactionEnabled);
        Assert.False(setup.Sysctls.PageGroupByMobilityDisabled);
    }

    [Theory]
    [InlineData("always", true)]
    [InlineData("madvise", true)]
    [InlineData("never", false)]
    public void Thp_decides_whether_khugepaged_raises_min_free_kbytes(string mode, bool enabled)
    {
        var s = TestFiles.ParseMixed(t => t["sysctls"]!["thp"] = mode);

        Assert.Equal(enabled, ScenarioSetup.Build(s, "linux-7.2").Sysctls.ThpEnabled);
    }

    [Fact]
    public void Each_build_gets_its_own_sysctls_because_the_model_writes_them()
    {
        var s = TestFiles.Load("small-mixed");

        Assert.NotSame(ScenarioSetup.Build(s, "linux-7.2").Sysctls, ScenarioSetup.Build(s, "linux-7.2").Sysctls);
    }

    [Theory]
    [InlineData(1.0, new[] { "warm" })]
    [InlineData(2.0, new[] { "warm", "storm" })]
    [InlineData(null, new[] { "warm", "storm" })]
    public void Phases_that_start_after_the_run_are_left_out(double? seconds, string[] phases)
    {
        var setup = ScenarioSetup.Build(TestFiles.Load("small-mixed"), "linux-7.2", seconds: seconds);

        Assert.Equal(phases, setup.Workload.Phases.Select(p => p.Name));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_run_needs_a_positive_finite_length(double seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioSetup.Build(TestFiles.Load("minimal"), "linux-7.2", seconds: seconds));
    }

    [Theory]
    [InlineData("linux-9.9")]
    [InlineData("linux-7.2+reset-when-balanced")]
    [InlineData("")]
    public void Unknown_or_incompatible_variants_throw_the_catalog_s_exception(string variant)
    {
        Assert.Throws<VariantException>(() => ScenarioSetup.Build(TestFiles.Load("minimal"), variant));
    }

    [Fact]
    public void The_setup_boots_and_runs_in_the_model()
    {
        var simulation = new Simulation(ScenarioSetup.Build(TestFiles.Load("small-mixed"), "linux-7.2"));

        simulation.RunSeconds(1);

        Assert.Single(simulation.Samples);
        Assert.Equal(1024, simulation.World.Sysctls.MinFreeKbytes);
        Assert.Equal(3, simulation.World.Memcgs.Count);
    }
}
