using MmVerify.Engine.Properties;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>kswapd.no-futile-reclaim [P-NO-FUTILE]: a high-order run on a node balanced at order 0 reclaims at most compact_gap + one batch.</summary>
public sealed class KswapdNoFutileReclaim : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "kswapd.no-futile-reclaim",
        "A balance_pgdat run for order k > 0 that starts on a node balanced at order 0 reclaims at most compact_gap(k) + SWAP_CLUSTER_MAX pages, plus the scan granularity of its first pass (a parameter, default 1024).",
        "Reclaim cannot create contiguity; past compact_gap, work for a high order is compaction's (seeds 000, 003, 004).",
        "SCENARIOS.md B (P-NO-FUTILE)");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var slack = (long)p.Get("slack_pages", 1024);
        var gap = run.World.Policy.CompactGap;
        var begins = new Dictionary<int, BalancePgdatBeginEvent>();
        foreach (var e in run.Events)
        {
            if (e is BalancePgdatBeginEvent b)
            {
                begins[b.Nid] = b;
            }
            else if (e is BalancePgdatEndEvent end && begins.TryGetValue(end.Nid, out var begin) && begin.Order > 0 && begin.BalancedAtOrder0 && !end.Boosted)
            {
                var allowed = gap.CompactGap(begin.Order) + 32 + slack;
                if (end.NrReclaimed > allowed)
                {
                    return PropertyResult.Violated(end.TimeNs / 1e9, $"kswapd{end.Nid}: order-{begin.Order} run on a node balanced at order 0 reclaimed {end.NrReclaimed} pages (> {allowed})");
                }
            }
        }

        return PropertyResult.Holds("every high-order run on a balanced node stayed within compact_gap");
    }
}
