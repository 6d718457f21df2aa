using MmVerify.Engine.Properties;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>kswapd.sleeps [P-SLEEP]: in steady state every window of W seconds has kswapd busy below a fraction, or the node hopeless.</summary>
public sealed class KswapdSleeps : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "kswapd.sleeps",
        "After the steady state is reached, in every window of W seconds (default 10) each node's kswapd is busy less than a fraction (default 10%) of the time, or the node is hopeless.",
        "kswapd is a background helper: one that never sleeps burns a CPU and evicts page cache for nothing (seeds 000 and 001).",
        "SCENARIOS.md B (P-SLEEP); seeds 000, 001");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var window = (int)p.Get("window_s", 10);
        var limit = p.Get("busy_below", 0.10);
        var steady = p.Get("steady_after_s", 0);
        var samples = run.Samples.Where(s => s.T > steady).ToArray();
        if (samples.Length < window)
        {
            return PropertyResult.Unknown($"the run has {samples.Length} s of steady state, less than one {window} s window");
        }

        for (var start = 0; start + window <= samples.Length; start++)
        {
            for (var node = 0; node < samples[start].KswapdBusy.Count; node++)
            {
                var busy = samples.Skip(start).Take(window).Average(s => s.KswapdBusy[node]);
                var hopeless = samples[start + window - 1].KswapdFailures[node] >= 16;
                if (busy >= limit && !hopeless)
                {
                    return PropertyResult.Violated(samples[start].T - 1, $"kswapd{node} busy {busy:P0} over {samples[start].T - 1:F0}-{samples[start + window - 1].T:F0} s while the node is not hopeless");
                }
            }
        }

        return PropertyResult.Holds($"every {window} s window after {steady} s below {limit:P0} busy or hopeless");
    }
}
