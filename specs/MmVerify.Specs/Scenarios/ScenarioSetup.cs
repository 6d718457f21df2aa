using MmVerify.Model.Sim;
using MmVerify.Model.Variants;

namespace MmVerify.Specs.Scenarios;

/// <summary>Turns a scenario into the model's SimulationSetup for one variant and seed.</summary>
public static class ScenarioSetup
{
    public const ulong DefaultSeed = 1;

    /// <summary>
    /// The setup for a run of the given length (default: the scenario's duration_s). Phases that start
    /// after the run ends are left out, so the setup holds only what the run can do; nothing else depends
    /// on the length. An unknown or incompatible variant throws VariantException.
    /// </summary>
    public static SimulationSetup Build(Scenario scenario, string variant, ulong seed = DefaultSeed, double? seconds = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(variant);
        var run = RunSeconds(scenario, seconds);
        var policy = VariantCatalog.Resolve(variant);
        var machine = scenario.Machine;
        var setup = new SimulationSetup
        {
            Machine = machine.Spec,
            Sysctls = scenario.Sysctls.ToVmSysctls(machine.Spec),
            Geometry = machine.Geometry,
            SwapPages = machine.SwapPages,
            Hz = machine.Hz,
            Workload = scenario.Workload with { Phases = scenario.Workload.Phases.Where(p => p.StartSeconds <= run).ToArray() },
            Policy = policy,
            Seed = seed,
        };
        return machine.UptimeSeconds is { } uptime ? setup with { UptimeAtStartSeconds = uptime } : setup;
    }

    /// <summary>The run length: the one asked for, else the scenario's; positive and finite.</summary>
    public static double RunSeconds(Scenario scenario, double? seconds)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var run = seconds ?? scenario.DurationSeconds;
        if (!double.IsFinite(run) || run <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), run, "a run lasts a positive, finite number of seconds");
        }

        return run;
    }
}
