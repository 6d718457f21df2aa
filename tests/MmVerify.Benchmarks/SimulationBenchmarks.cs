using BenchmarkDotNet.Attributes;
using MmVerify.Model.Sim;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Benchmarks;

/// <summary>
/// The full-size seed-000 storm (10 GB, about 0.8 M page_frag refills per simulated second): the time to
/// boot the machine, fault the arena and run the first seconds of the storm. Simulated seconds per
/// wall-clock second = SimulatedSeconds / (mean time in s).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class SimulationBenchmarks
{
    public const double SimulatedSeconds = 6;

    private Scenario _scenario = null!;

    [Params("linux-7.2")]
    public string Variant { get; set; } = "linux-7.2";

    [GlobalSetup]
    public void Setup() => _scenario = ScenarioCatalog.BuiltIn.Find("net-order3-frag-storm") ?? throw new InvalidOperationException("scenario missing");

    [Benchmark]
    public long FullSizeStorm()
    {
        var simulation = new Simulation(ScenarioSetup.Build(_scenario, Variant, ScenarioSetup.DefaultSeed, SimulatedSeconds));
        simulation.RunSeconds(SimulatedSeconds);
        return simulation.Steps;
    }
}
