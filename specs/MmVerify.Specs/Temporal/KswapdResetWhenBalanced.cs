using MmVerify.Engine.Properties;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>kswapd.reset-when-balanced [P-RESET-BAL]: every reset of kswapd_failures by reclaim happens while the node is balanced.</summary>
public sealed class KswapdResetWhenBalanced : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "kswapd.reset-when-balanced",
        "Every transition of kswapd_failures from >= 1 to 0 made by kswapd or direct/memcg reclaim happens while pgdat_balanced(order of the reclaimer, its zone) holds; PCP and OTHER resets are exempt.",
        "Resetting on mere progress lets cgroup reclaim of a few hot pages revive a hopeless kswapd forever (seed 001).",
        "SCENARIOS.md B (P-RESET-BAL); seed 001 v3");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var resets = run.Of<KswapdClearHopelessEvent>().Where(c => c.Reason is HopelessClearReason.Kswapd or HopelessClearReason.Direct).ToArray();
        var bad = resets.FirstOrDefault(c => !c.NodeBalanced);
        return bad is null
            ? PropertyResult.Holds($"{resets.Length} resets, all at balance")
            : PropertyResult.Violated(bad.TimeNs / 1e9, $"node {bad.Nid}: {bad.Reason} reset from {bad.OldFailures} while unbalanced");
    }
}
