using static MmVerify.Specs.Conformance.ConformanceChecker;

namespace MmVerify.Specs.Conformance;

/// <summary>Which rules a trace let the checker judge, on how many events, and why the others went unjudged.</summary>
internal static class ConformanceChecks
{
    private const string SevenOnly = " (a 7.x tracepoint; 6.12 and older kernels do not have it)";

    public static List<RuleCheck> Describe(IReadOnlySet<string> present, IReadOnlyDictionary<ConformanceRule, int> counts, ConformanceVariant variant)
    {
        // reclaim_fail, clear_hopeless and balance_pgdat_begin are all 7.x-only tracepoints.
        string? Missing7x(params string[] needed) =>
            needed.FirstOrDefault(e => !present.Contains(e)) is { } absent ? $"no {absent} events in the trace{SevenOnly}" : null;
        bool Any(params string[] events) => events.Any(present.Contains);

        var hasBalance = present.Contains(BalanceBegin);
        var checks = new List<RuleCheck>();
        void Add(ConformanceRule rule, string? notChecked, string note) =>
            checks.Add(notChecked is null
                ? new RuleCheck(rule, true, counts.GetValueOrDefault(rule), note)
                : new RuleCheck(rule, false, 0, notChecked));

        Add(ConformanceRules.FailuresIncrement, Missing7x(ReclaimFail), "a node's first count after the trace starts (or after lost events) is taken as the baseline");
        Add(ConformanceRules.FailureInRun, Missing7x(ReclaimFail, BalanceBegin), "");
        Add(ConformanceRules.Hopeless, Missing7x(ReclaimFail), "judged once a node's count is known");
        Add(ConformanceRules.ResetReason, Missing7x(ClearHopeless), $"reasons of {variant.Name}: {string.Join(", ", variant.ResetReasons)}");
        Add(ConformanceRules.ResetNeedsProgress, Missing7x(ClearHopeless, BalanceBegin), "");
        Add(ConformanceRules.WakeSleep, Any(KswapdWake, KswapdSleep) ? null : $"no {KswapdWake} or {KswapdSleep} events in the trace",
            hasBalance ? "" : "without balance_pgdat tracepoints two kswapd_wake in a row are legal (kswapd_try_to_sleep returned without the full sleep), so only sleeps are judged");
        Add(ConformanceRules.OwnThread, Any(KswapdWake, KswapdSleep, BalanceBegin, ReclaimFail) ? null : "no kswapd events in the trace", "");
        checks.Add(new RuleCheck(UncheckableRules.WakeupWhileBalanced, false, 0, UncheckableRules.NeedsZoneState));
        checks.Add(new RuleCheck(UncheckableRules.ResetWhenBalanced, false, 0, variant.ResetsOnAnyProgress
            ? $"{variant.Name} resets on any progress: nothing to judge"
            : UncheckableRules.NeedsZoneState));
        return checks;
    }
}
