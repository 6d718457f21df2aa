using MmVerify.Model.Tests.Support;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Model.Tests.Litmus;

/// <summary>Loads a litmus scenario (a seed's mechanism in a few simulated seconds) and runs it.</summary>
internal static class LitmusRun
{
    public const ulong Seed = 1;

    public static Scenario Load(string litmus) =>
        ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Litmus", litmus + ".json"));

    /// <summary>
    /// The run, compared with its reference while it runs, then judged by the gate's own code: every invariant,
    /// then each property the file names.
    /// </summary>
    public static (RunRecord Run, IReadOnlyDictionary<string, PropertyResult> Verdicts) Judge(string litmus, string variant)
    {
        var scenario = Load(litmus);
        var reference = ReferenceTrace.For($"{litmus}.{variant}");
        var run = ScenarioRunner.Run(scenario, variant, Seed, scenario.DurationSeconds,
            observe: sim => reference.Observe(sim.World, ((TraceBuffer)sim.World.Trace).Events, sim.Steps));
        reference.Finish(run.World, run.Events, run.Steps);
        var verdicts = SimGate.Applicable(scenario, [variant], new ExpectationSet([]))
            .Where(p => scenario.Properties.ContainsKey(p.Info.Id))
            .ToDictionary(p => p.Info.Id, p => SimGate.Judge(scenario, p, run));
        return (run, verdicts);
    }
}
