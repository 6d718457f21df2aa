using MmVerify.Model.Variants;

namespace MmVerify.Specs.CaughtBy;

/// <summary>
/// Which scenarios exercise each historical bug's policy point: the scenarios whose seed threads are about the
/// code the bug changes (not a verdict: the engines decide whether the bug shows there).
/// </summary>
public static class BugTargets
{
    private static readonly Dictionary<string, string[]> Scenarios = new(StringComparer.Ordinal)
    {
        // seed 001: memory.high reclaim resets kswapd_failures
        ["bug-reset-on-any-progress"] = ["memcg-high-revives-kswapd"],

        // boosted kswapd runs: fragmenting fallbacks (S1, S4) and the S3 world's fallback boosts
        ["bug-boosted-run-fails"] = ["memcg-high-revives-kswapd", "atomic-burst-autotune", "net-order3-frag-storm"],

        // seed 003 and the order-3 wakeups of seed 000
        ["bug-never-drop-order"] = ["kswapd-order-aware-2004", "net-order3-frag-storm"],

        // GFP_ATOMIC order-0 bursts on boosted zones (S4, S7) and the order-0 fallbacks of S1
        ["bug-atomic-min-boost"] = ["atomic-burst-autotune", "defrag-mode-atomic-net", "net-order3-frag-storm"],

        // compact_gap matters for order >= 4 wakeups: THP (S5) and the order-3 storm (S1)
        ["bug-uncapped-compact-gap"] = ["defrag-mode-thp-kbuild", "net-order3-frag-storm"],

        // the PCP revival of a hopeless node needs two nodes and the hog's exit (S3)
        ["bug-no-pcp-revive"] = ["memcg-high-revives-kswapd"],
    };

    // Why no engine catches a bug, where that was investigated: a test gap not yet closed, or a limit of the model.
    private static readonly Dictionary<string, string> Gaps = new(StringComparer.Ordinal)
    {
        ["bug-no-pcp-revive"] =
            "limit of the property as written: P-REVIVE accepts a hopeless node that is balanced, and in S3 memory.high reclaim "
            + "at balance clears the counter anyway (the 7.2 reset rule), so the PCP revival changes no verdict. It matters "
            + "only when pressure returns to a node nothing revived; no scenario has a second pressure phase.",
    };

    /// <summary>The recorded reason no engine catches the bug, or null when it is expected to be caught.</summary>
    public static string? Gap(HistoricalBug bug)
    {
        ArgumentNullException.ThrowIfNull(bug);
        return Gaps.GetValueOrDefault(bug.Name);
    }

    public static IReadOnlyList<string> For(HistoricalBug bug)
    {
        ArgumentNullException.ThrowIfNull(bug);
        return Scenarios.TryGetValue(bug.Name, out var s) ? s : throw new InvalidOperationException($"no target scenarios recorded for {bug.Name}");
    }
}
