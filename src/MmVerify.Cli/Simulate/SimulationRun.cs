using MmVerify.Model.Sim;
using MmVerify.Model.Trace;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Simulate;

/// <summary>One finished simulate run: what was run and everything the reports print.</summary>
internal sealed class SimulationRun
{
    private SimulationRun(Scenario scenario, string variant, ulong seed, int seconds, Simulation simulation, TraceBuffer? trace)
    {
        Scenario = scenario;
        Variant = variant;
        Seed = seed;
        Seconds = seconds;
        Samples = simulation.Samples;
        Counters = simulation.World.Vm.All().ToArray();
        Traced = trace is not null;
        Trace = trace?.Events ?? [];
        Nodes = simulation.World.Nodes.Count;

        var zones = simulation.World.Nodes.SelectMany(n => n.Zones).ToArray();
        ZoneLabels = zones.Select(z => Label(z.NodeId, z.Name)).ToArray();

        // The first of the largest populated zones (MaxBy keeps the first): the zone the monitor follows.
        var largest = zones.Where(z => z.IsPopulated).MaxBy(z => z.ManagedPages)!;
        MonitorZone = Label(largest.NodeId, largest.Name);
        TraceZoneNames = simulation.World.ZonesOf(0).Select(z => z.Name).ToArray();
    }

    public Scenario Scenario { get; }

    /// <summary>The canonical variant name (linux-7.2+net-frag-nowake for net-frag-nowake).</summary>
    public string Variant { get; }

    public ulong Seed { get; }

    public int Seconds { get; }

    public IReadOnlyList<SimSample> Samples { get; }

    /// <summary>The vmstat-named counters at the end, in the model's fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Counters { get; }

    /// <summary>Whether --trace was given (a traced run may still have no events).</summary>
    public bool Traced { get; }

    public IReadOnlyList<TraceEvent> Trace { get; }

    public int Nodes { get; }

    /// <summary>Every zone's /proc row label, in node then zone-index order.</summary>
    public IReadOnlyList<string> ZoneLabels { get; }

    public string MonitorZone { get; }

    /// <summary>Zone names by index for the trace's zid fields (the scenario's layout, not x86_64's).</summary>
    public IReadOnlyList<string> TraceZoneNames { get; }

    public static SimulationRun Execute(Scenario scenario, string variant, ulong seed, int? seconds, bool trace)
    {
        var run = seconds ?? scenario.DurationSeconds;
        var setup = ScenarioSetup.Build(scenario, variant, seed, run);
        var buffer = trace ? new TraceBuffer() : null;
        var simulation = new Simulation(setup, buffer);
        simulation.RunSeconds(run);
        return new SimulationRun(scenario, setup.Policy.Name, seed, run, simulation, buffer);
    }

    /// <summary>The kernel's "Node %d, zone %8s" (as /proc/buddyinfo and the model's samples write it).</summary>
    public static string Label(int node, string zone) => $"Node {node}, zone {zone,8}";
}
