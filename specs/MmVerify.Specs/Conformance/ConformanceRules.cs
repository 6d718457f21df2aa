namespace MmVerify.Specs.Conformance;

/// <summary>A rule `mmverify conform` checks over a trace: its id and its one-sentence statement.</summary>
public sealed record ConformanceRule(string Id, string Statement);

/// <summary>The trace-checkable rules of the kswapd state machine (KERNEL.md 5.4-5.8).</summary>
public static class ConformanceRules
{
    public static ConformanceRule FailuresIncrement { get; } = new(
        "kswapd.failures-increment",
        "mm_vmscan_kswapd_reclaim_fail prints failures = the node's previous count + 1 (0 after a clear_hopeless).");

    public static ConformanceRule FailureInRun { get; } = new(
        "kswapd.failure-in-run",
        "A failure is counted only inside the node's balance_pgdat run, and that run ends with nr_reclaimed=0.");

    public static ConformanceRule Hopeless { get; } = new(
        "kswapd.hopeless",
        "While a node's count is >= 16 (MAX_RECLAIM_RETRIES) neither wakeup_kswapd nor kswapd itself wakes it; only a clear_hopeless revives it.");

    public static ConformanceRule ResetReason { get; } = new(
        "kswapd.reset-reason",
        "mm_vmscan_kswapd_clear_hopeless names a reason the variant has (6.12: KSWAPD, DIRECT; 7.2: also PCP, OTHER), KSWAPD from the node's kswapd inside its balance_pgdat run, DIRECT from another task.");

    public static ConformanceRule ResetNeedsProgress { get; } = new(
        "kswapd.reset-needs-progress",
        "A KSWAPD reset comes from shrink_node having reclaimed pages: the same balance_pgdat run counts no failure and ends with nr_reclaimed > 0.");

    public static ConformanceRule WakeSleep { get; } = new(
        "kswapd.wake-sleep",
        "Per node: kswapd_sleep and balance_pgdat only while kswapd is awake, no second kswapd_sleep without a kswapd_wake; with balance_pgdat tracepoints, each kswapd_wake is followed by one balance_pgdat run before kswapd wakes or sleeps again.");

    public static ConformanceRule OwnThread { get; } = new(
        "kswapd.own-thread",
        "kswapd_wake, kswapd_sleep, balance_pgdat and reclaim_fail of node N are emitted by the thread kswapdN.");

    public static IReadOnlyList<ConformanceRule> All { get; } =
        [FailuresIncrement, FailureInRun, Hopeless, ResetReason, ResetNeedsProgress, WakeSleep, OwnThread];
}

/// <summary>Rules of the same state machine that a trace alone cannot judge; listed so reports say so.</summary>
public static class UncheckableRules
{
    public const string NeedsZoneState = "needs pgdat_balanced(), i.e. zone free counts and watermarks at that instant, which no tracepoint prints";

    public static ConformanceRule WakeupWhileBalanced { get; } = new(
        "kswapd.wakeup-while-balanced",
        "wakeup_kswapd does not wake kswapd of a node that is balanced and not boosted.");

    public static ConformanceRule ResetWhenBalanced { get; } = new(
        "kswapd.reset-when-balanced",
        "On linux-7.2 a KSWAPD or DIRECT reset happens only while pgdat_balanced holds.");
}
