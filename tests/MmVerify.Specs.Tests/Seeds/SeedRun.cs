using MmVerify.Model.Sim;
using MmVerify.Model.Trace;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Tests.Seeds;

/// <summary>Runs a built-in scenario on a variant with the trace on, as `mmverify simulate --trace` does.</summary>
internal sealed class SeedRun
{
    private SeedRun(Simulation simulation, TraceBuffer trace)
    {
        Simulation = simulation;
        Trace = trace;
    }

    public Simulation Simulation { get; }

    public TraceBuffer Trace { get; }

    public IReadOnlyList<SimSample> Samples => Simulation.Samples;

    public World World => Simulation.World;

    public static SeedRun Of(string scenario, string variant, double seconds)
    {
        var loaded = ScenarioCatalog.BuiltIn.Find(scenario) ?? throw new InvalidOperationException($"no built-in scenario {scenario}");
        var trace = new TraceBuffer();
        var simulation = new Simulation(ScenarioSetup.Build(loaded, variant, ScenarioSetup.DefaultSeed, seconds), trace);
        simulation.RunSeconds(seconds);
        return new SeedRun(simulation, trace);
    }

    /// <summary>The sample taken at the end of second t.</summary>
    public SimSample At(int t) => Samples.Single(s => Math.Abs(s.T - t) < 1e-9);

    /// <summary>Free blocks of an order in the zone with the most free blocks (seed 000's "Normal" column).</summary>
    public static long Blocks(SimSample s, int order) => s.Buddyinfo.Values.MaxBy(b => b.Sum())![order];

    public IEnumerable<T> Events<T>() => Trace.Events.OfType<T>();
}
