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

    /// <summary>
    /// How many steps the run takes up to and including simulated time atSeconds: the step at which a
    /// property judged violated "at" that time failed. Same setup as Run, so the same steps.
    /// </summary>
    public static long StepsUntil(Scenario scenario, string variant, ulong seed, double seconds, double atSeconds)
    {
        var simulation = new Simulation(ScenarioSetup.Build(scenario, variant, seed, seconds), new TraceBuffer());
        simulation.RunUntil(ToNs(atSeconds));
        return simulation.Steps;
    }

    /// <summary>Simulated seconds back to the nanosecond they were computed from.</summary>
    public static long ToNs(double seconds) => (long)Math.Round(seconds * 1e9);

    /// <summary>observe, if given, sees the simulation after every step (replay takes its snapshots there).</summary>
    public static RunRecord Run(Scenario scenario, string variant, ulong seed, double seconds, Action<double>? progress = null, Action<Simulation>? observe = null)
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

        // The kswapd lanes and boost rises, for reports: cheap comparisons after each step.
        var lane = new List<KswapdLaneChange>();
        var laneNow = world.Reclaim.Select(r => KswapdLaneChange.Of(r.Phase)).ToArray();
        lane.AddRange(laneNow.Select((state, nid) => new KswapdLaneChange(world.NowNs, nid, state)));
        var zones = world.Machine.Zones.ToArray();
        var boostNow = zones.Select(z => z.WatermarkBoost).ToArray();
        var boostRaises = new List<BoostRaise>();

        Check(PropertyCatalog.RunInvariants);
        simulation.AfterStep = (w, kind, index) =>
        {
            Check(everyStep);
            if (kind == ActorKind.Kswapd && KswapdLaneChange.Of(w.Reclaim[index].Phase) is var state && state != laneNow[index])
            {
                laneNow[index] = state;
                lane.Add(new KswapdLaneChange(w.NowNs, index, state));
            }

            for (var z = 0; z < boostNow.Length; z++)
            {
                var boost = zones[z].WatermarkBoost;
                if (boost > boostNow[z])
                {
                    boostRaises.Add(new BoostRaise(w.NowNs, z, boost));
                }

                boostNow[z] = boost;
            }

            if (kind == ActorKind.Tick)
            {
                if ((long)Math.Round(w.NowNs / 1e9) % PageWalkSeconds == 0)
                {
                    Check(everySecond);
                }

                progress?.Invoke(w.NowNs / 1e9);
            }

            observe?.Invoke(simulation);
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
            KswapdLane = lane,
            BoostRaises = boostRaises,
        };
    }
}
