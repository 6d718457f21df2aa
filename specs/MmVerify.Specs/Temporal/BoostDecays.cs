using MmVerify.Engine.Properties;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>boost.decays [P-BOOST-DECAY]: W seconds after the last boost increase every zone's boost is back to 0.</summary>
public sealed class BoostDecays : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "boost.decays",
        "W seconds (default 30) after the last increase of any zone's watermark_boost, every zone's boost is 0.",
        "A boost that never decays raises every watermark for good: allocations hit the thresholds early and kswapd over-reclaims.",
        "SCENARIOS.md B (P-BOOST-DECAY); seed 002 v3");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var window = p.Get("window_s", 30);
        double lastIncrease = -1;
        for (var i = 1; i < run.Samples.Count; i++)
        {
            if (run.Samples[i].WatermarkBoost.Any(kv => kv.Value > run.Samples[i - 1].WatermarkBoost.GetValueOrDefault(kv.Key)))
            {
                lastIncrease = run.Samples[i].T;
            }
        }

        if (lastIncrease < 0)
        {
            return PropertyResult.Holds("no boost rose during the run");
        }

        var after = run.Samples.Where(s => s.T >= lastIncrease + window).ToArray();
        if (after.Length == 0)
        {
            return PropertyResult.Unknown($"the last boost rose at {lastIncrease} s; the run ends before {lastIncrease + window} s");
        }

        var stuck = after.FirstOrDefault(s => s.WatermarkBoost.Values.Any(b => b != 0));
        return stuck is null
            ? PropertyResult.Holds($"boosts back to 0 within {window} s of the last increase at {lastIncrease} s")
            : PropertyResult.Violated(stuck.T, $"a boost is still {stuck.WatermarkBoost.Values.Max()} pages {stuck.T - lastIncrease:F0} s after the last increase");
    }
}
