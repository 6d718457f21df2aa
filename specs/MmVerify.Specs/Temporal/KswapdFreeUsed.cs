using MmVerify.Engine.Properties;
using MmVerify.Model.Sim;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>kswapd.free-used [P-FREE-UTIL]: in steady state free memory stays within a factor of the high watermarks.</summary>
public sealed class KswapdFreeUsed : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "kswapd.free-used",
        "After the steady state, in every second in which kswapd reclaimed, each node's free pages stay at most a factor (default 2) times the sum of its high watermarks (boost included).",
        "Reclaim beyond the high watermark evicts useful page cache for nothing: 'cache never fills, GBs stay free' (seed 000).",
        "SCENARIOS.md B (P-FREE-UTIL); seed 000");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var factor = p.Get("factor", 2.0);
        var steady = p.Get("steady_after_s", 0);
        SimSample? previous = null;
        foreach (var s in run.Samples)
        {
            // Memory the workload never asked for is not kswapd's overshoot: judge only seconds in which it reclaimed.
            var reclaimed = previous is not null && s.PgstealKswapd > previous.PgstealKswapd;
            previous = s;
            if (s.T <= steady || !reclaimed)
            {
                continue;
            }

            for (var node = 0; node < s.NodeFreePages.Count; node++)
            {
                if (s.NodeFreePages[node] > factor * s.NodeHighPages[node])
                {
                    return PropertyResult.Violated(s.T, $"node {node}: {s.NodeFreePages[node]} free pages > {factor} x {s.NodeHighPages[node]} (high)");
                }
            }
        }

        return PropertyResult.Holds($"free memory within {factor} x high after {steady} s");
    }
}
