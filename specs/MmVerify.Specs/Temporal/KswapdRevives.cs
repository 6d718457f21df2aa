using MmVerify.Engine.Properties;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>kswapd.revives [P-REVIVE]: after the pressure source goes, a hopeless node works again or is balanced within W seconds.</summary>
public sealed class KswapdRevives : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "kswapd.revives",
        "Within W seconds (default 10) after the pressure source disappears, every node that was hopeless is no longer hopeless, or is balanced.",
        "A node left hopeless after the memory hog exits gets no background reclaim: allocations stall in direct reclaim (Byungchul Park, 2024).",
        "SCENARIOS.md B (P-REVIVE); seed 001 thread");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var end = p.Get("pressure_ends_s", double.NaN);
        var within = p.Get("within_s", 10);
        if (double.IsNaN(end))
        {
            return PropertyResult.Unknown("the scenario does not say when the pressure ends (pressure_ends_s)");
        }

        // The property speaks of the pressure source going away; a generated or shrunk workload may have
        // dropped the exit that ends it, and then there is nothing to judge.
        if (!run.World.Tasks.Any(t => t.Killed))
        {
            return PropertyResult.Unknown("no task exited, so the pressure never ended in this run");
        }

        var at = run.Samples.FirstOrDefault(s => s.T >= end + within);
        var start = run.Samples.LastOrDefault(s => s.T <= end);
        if (at is null || start is null)
        {
            return PropertyResult.Unknown($"the run ends before {end + within} s");
        }

        for (var node = 0; node < at.KswapdFailures.Count; node++)
        {
            if (start.KswapdFailures[node] >= 16 && at.KswapdFailures[node] >= 16 && !at.NodeBalanced[node])
            {
                return PropertyResult.Violated(at.T, $"node {node} still hopeless and unbalanced {within} s after the pressure ended");
            }
        }

        return PropertyResult.Holds($"no node left hopeless and unbalanced {within} s after {end} s");
    }
}
