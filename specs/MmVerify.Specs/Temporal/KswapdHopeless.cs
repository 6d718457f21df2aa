using MmVerify.Engine.Properties;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>
/// kswapd.hopeless [P-HOPELESS]: the counter counts consecutive failed non-boosted kswapd runs; at 16 kswapd stops,
/// and a hopeless node is neither woken nor revived except at balance (or by the exempt PCP/OTHER paths).
/// </summary>
public sealed class KswapdHopeless : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "kswapd.hopeless",
        "kswapd_failures rises by one per failed kswapd run that did not start boosted; once it reaches 16 the node's kswapd is not woken, and the count is not cleared while the node is unbalanced (PCP and OTHER resets exempt).",
        "A hopeless node is left to direct reclaim; reviving it on any progress makes kswapd spin on memory it cannot reclaim (seed 001).",
        "SCENARIOS.md B (P-HOPELESS); KERNEL.md 5.7-5.8");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var failures = new Dictionary<int, int>();
        var counted = new HashSet<int>();
        foreach (var e in run.Events)
        {
            switch (e)
            {
                // balance_pgdat() counts its failure before its end tracepoint, which says whether the run was boosted
                case BalancePgdatEndEvent end when counted.Remove(end.Nid) && end.Boosted:
                    return PropertyResult.Violated(end.TimeNs / 1e9, $"node {end.Nid}: a boosted kswapd run counted as a failure");
                case BalancePgdatEndEvent end:
                    counted.Remove(end.Nid);
                    break;
                case KswapdReclaimFailEvent f:
                    counted.Add(f.Nid);
                    var before = failures.GetValueOrDefault(f.Nid);
                    if (f.Failures != before + 1)
                    {
                        return PropertyResult.Violated(f.TimeNs / 1e9, $"node {f.Nid}: failure count went {before} -> {f.Failures}");
                    }

                    failures[f.Nid] = f.Failures;
                    break;
                case KswapdWakeEvent w when failures.GetValueOrDefault(w.Nid) >= 16:
                    return PropertyResult.Violated(w.TimeNs / 1e9, $"kswapd{w.Nid} woke while the node was hopeless");
                case KswapdClearHopelessEvent c:
                    if (c.Reason is HopelessClearReason.Kswapd or HopelessClearReason.Direct && c.OldFailures >= 16 && !c.NodeBalanced)
                    {
                        return PropertyResult.Violated(c.TimeNs / 1e9, $"node {c.Nid}: hopeless state ({c.OldFailures} failures) cleared by {c.Reason} reclaim while unbalanced");
                    }

                    failures[c.Nid] = 0;
                    break;
            }
        }

        return PropertyResult.Holds($"failure counts consistent; maximum {failures.Values.DefaultIfEmpty(0).Max()}");
    }
}
