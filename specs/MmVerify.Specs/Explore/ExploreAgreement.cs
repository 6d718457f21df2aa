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
