using MmVerify.Engine.Properties;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;
using MmVerify.Specs.Scenarios;
using MmVerify.Specs.Watermarks;

namespace MmVerify.Specs.Gate;

/// <summary>
/// Runs a scenario on a variant with the trace on and the invariants watching: the cheap ones after every
/// step, the page walks (buddy.*, wmark.arith) every PageWalkSeconds simulated seconds and at the end.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>How often the O(pages) invariants are walked (simulated seconds).</summary>
    public const int PageWalkSeconds = 10;

    public static RunRecord Run(Scenario scenario, string variant, ulong seed, double seconds, Action<double>? progress = null)
    {
        var trace = new TraceBuffer();
        var simulation = new Simulation(ScenarioSetup.Build(scenario, variant, seed, seconds), trace);
        var world = simulation.World;
        var violations = new Dictionary<string, (double, string)>();
        var everyStep = PropertyCatalog.RunInvariants.Where(i => i is WmarkOrdered or BoostBounded).ToArray();
        var everySecond = PropertyCatalog.RunInvariants.Except(everyStep).ToArray();
        var initialMinFree = world.Sysctls.MinFreeKbytes;

        void Check(IEnumerable<IInvariant<Machine>> invariants)
        {
            foreach (var invariant in invariants)
            {
                if (!violations.ContainsKey(invariant.Info.Id) && invariant.Check(world.Machine) is { } reason)
                {
                    violations[invariant.Info.Id] = (world.NowNs / 1e9, reason);
                }
            }
        }

        Check(PropertyCatalog.RunInvariants);
        simulation.AfterStep = (w, kind, _) =>
        {
            Check(everyStep);
            if (kind == ActorKind.Tick)
            {
                if ((long)Math.Round(w.NowNs / 1e9) % PageWalkSeconds == 0)
                {
                    Check(everySecond);
                }

                progress?.Invoke(w.NowNs / 1e9);
            }
        };
        simulation.RunSeconds(seconds);
        Check(PropertyCatalog.RunInvariants);

        return new RunRecord
        {
            Scenario = scenario.Id,
            Variant = variant,
            Seed = seed,
            Seconds = seconds,
            Samples = simulation.Samples,
            Events = trace.Events,
            World = world,
            InitialMinFreeKbytes = initialMinFree,
            TotalRamKbytes = world.Machine.Spec.TotalRamPages * 4,
            InvariantViolations = violations,
            Steps = simulation.Steps,
        };
    }
}
