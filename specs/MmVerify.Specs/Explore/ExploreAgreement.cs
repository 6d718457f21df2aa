using MmVerify.Specs.Gate;
using MmVerify.Specs.Pbt;

namespace MmVerify.Specs.Explore;

/// <summary>
/// Where the explorer and PBT judge the same (scenario, variant, property): the explorer on the explicit world
/// (form explore), PBT on the small form (form small). They are expected to agree except for the recorded
/// disagreements below, each with its cause (README, "Exhaustive exploration", the agreement table).
/// </summary>
public static class ExploreAgreement
{
    /// <summary>Disagreements found and explained; a test fails on any other disagreement and on a stale entry here.</summary>
    public static IReadOnlyDictionary<(string Scenario, string Variant, string Property), string> RecordedDisagreements { get; } =
        new Dictionary<(string, string, string), string>
        {
            [("memcg-high-revives-kswapd", "linux-6.12", "kswapd.sleeps")] =
                "liveness over infinite fair runs vs a bounded window: the explorer finds the livelock as a fair lasso; PBT judges kswapd's CPU share "
                + "over a window, and at 64 MiB the futile runs cost under 10% of a CPU (the property's busy_below), so PBT says holds",
            [("memcg-high-revives-kswapd", "linux-6.12+reset-when-balanced", "kswapd.hopeless")] =
                "the non-boosted clause of P-HOPELESS: 6.12 counts a boosted run that reclaims nothing as a failure, and the world reaches one in "
                + "11 steps (a fallback boost, then a kswapd run with no cold file page left); PBT's 25 generated workloads of the small form did "
                + "not produce a boosted futile run, so PBT says holds",
            [("kswapd-order-aware-2004", "linux-7.2", "kswapd.sleeps")] =
                "liveness over infinite fair runs vs a bounded window, and the world's one order-3 block: untimed, a failing order-3 request or "
                + "page-cache churn can wake kswapd in every HZ/10 nap (a fair lasso); PBT measures the CPU share, and in its workload the "
                + "order-1..3 requests split larger free blocks and succeed, so kswapd is rarely woken (finding K1)",
            [("kswapd-order-aware-2004", "linux-7.2+order-aware-kswapd", "kswapd.sleeps")] =
                "as on linux-7.2, a failing order-3 request can re-wake kswapd in every nap (the shortest lasso; kswapd.no-futile-reclaim is what "
                + "separates the variants). PBT's workload never wakes kswapd at a high order (its order-1..3 requests succeed: finding K1), so the "
                + "2004 behaviour is not exercised",
            [("kswapd-order-aware-2004", "linux-7.2+order-aware-kswapd", "kswapd.no-futile-reclaim")] =
                "as kswapd.sleeps on order-aware-kswapd: the world reaches a high-order wakeup with no block to form, where kswapd reclaims the "
                + "whole LRU while balanced at order 0; PBT's workload never reaches it (finding K1)",
        };

    /// <summary>
    /// The pairs judged by both: every explore-form expectation whose property PBT judges on the scenario's
    /// small form for that variant (a catalog run property applicable there).
    /// </summary>
    public static IEnumerable<(string Scenario, string Variant, string Property)> SharedPairs(ExpectationSet expectations)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        var small = PbtGate.SmallForms;
        foreach (var e in expectations.All.Where(e => e.Form == Expectation.Explore).OrderBy(e => e.Scenario, StringComparer.Ordinal)
                     .ThenBy(e => e.Variant, StringComparer.Ordinal).ThenBy(e => e.Property, StringComparer.Ordinal))
        {
            if (small.Find(e.Scenario) is { } scenario
                && SimGate.Applicable(scenario, [e.Variant], expectations, [e.Property], Expectation.Small).Count > 0)
            {
                yield return (e.Scenario, e.Variant, e.Property);
            }
        }
    }
}
