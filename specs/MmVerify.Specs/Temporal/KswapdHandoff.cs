using MmVerify.Engine.Properties;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>kswapd.handoff [P-HANDOFF]: after dropping to order 0, kswapd leaves the high order to kcompactd and stops reclaiming.</summary>
public sealed class KswapdHandoff : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "kswapd.handoff",
        "When kswapd drops to order 0 after compact_gap, it does not start another run on a node balanced at order 0 until a new request wakes it: the high order is kcompactd's.",
        "Reclaiming on for a high order that only compaction can produce is the over-reclaim of seeds 000 and 004 (D3).",
        "SCENARIOS.md B (P-HANDOFF)");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var dropped = new HashSet<int>();
        var begins = new Dictionary<int, BalancePgdatBeginEvent>();
        foreach (var e in run.Events)
        {
            switch (e)
            {
                case WakeupKswapdEvent w:
                    dropped.Remove(w.Nid);
                    break;
                case BalancePgdatBeginEvent b:
                    if (dropped.Contains(b.Nid) && b.BalancedAtOrder0)
                    {
                        return PropertyResult.Violated(b.TimeNs / 1e9, $"kswapd{b.Nid} started another order-{b.Order} run on a node balanced at order 0 without a new request");
                    }

                    begins[b.Nid] = b;
                    break;
                case BalancePgdatEndEvent end when begins.TryGetValue(end.Nid, out var begin):
                    if (end.Order < begin.Order)
                    {
                        dropped.Add(end.Nid);
                    }
                    else
                    {
                        dropped.Remove(end.Nid);
                    }

                    break;
            }
        }

        return PropertyResult.Holds("no reclaim for a handed-off order without a new request");
    }
}
