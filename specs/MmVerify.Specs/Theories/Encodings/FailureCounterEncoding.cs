using MmVerify.Engine.Smt;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Variants;

namespace MmVerify.Specs.Theories.Encodings;

/// <summary>
/// The failure-counter machine of a variant as a transition system. The policy decisions are tabulated from the
/// variant's own policy objects, so the encoding changes when a patch changes them. State: failures (8 bits),
/// and in the monitored form futile (the futile kswapd runs since the node was last balanced or revived).
/// </summary>
public static class FailureCounterEncoding
{
    public const string Failures = "failures";
    public const string Futile = "futile";
    public const string Event = "event";
    public const string Reclaimed = "reclaimed";
    public const string Boosted = "boosted";
    public const string Balanced = "balanced";

    public static Term Hopeless(Frame s) => T.UGe(s[Failures], T.Bv(KswapdFunctions.MaxReclaimRetries, 8));

    public static Term IsEvent(Frame input, CounterEvent e) => T.Eq(input[Event], T.Bv((uint)e, 2));

    public static Term FutileRun(Frame s, Frame input) =>
        T.And(IsEvent(input, CounterEvent.KswapdRun), T.Not(Hopeless(s)), T.Not(input[Reclaimed]), T.Not(input[Boosted]), T.Not(input[Balanced]));

    /// <summary>failures after one step, from the policy's decisions.</summary>
    public static Term NextFailures(KernelPolicy policy, Frame s, Frame input)
    {
        var f = s[Failures];
        var zero = T.Bv(0, 8);
        var clears = T.And(input[Reclaimed], ClearsTable(policy, input));
        var counts = T.Ite(input[Reclaimed],
            T.Ite(input[Boosted], T.Bool(policy.FailureCount.CountsAsFailure(1, true)), T.Bool(policy.FailureCount.CountsAsFailure(1, false))),
            T.Ite(input[Boosted], T.Bool(policy.FailureCount.CountsAsFailure(0, true)), T.Bool(policy.FailureCount.CountsAsFailure(0, false))));
        var afterReset = T.Ite(clears, zero, f);
        var kswapd = T.Ite(Hopeless(s), f, T.Ite(T.And(T.Not(input[Balanced]), counts), T.Add(afterReset, T.Bv(1, 8)), afterReset));
        var pcp = T.Ite(T.And(T.Bool(policy.PcpRevivesHopeless), Hopeless(s)), zero, f);
        return T.Ite(IsEvent(input, CounterEvent.KswapdRun), kswapd, T.Ite(IsEvent(input, CounterEvent.PcpFree), pcp, afterReset));
    }

    /// <summary>The policy's reset decision for every (event, balanced), read from the policy object.</summary>
    private static Term ClearsTable(KernelPolicy policy, Frame input)
    {
        Term Decision(CounterEvent e) => T.Ite(input[Balanced],
            T.Bool(policy.HopelessReset.ClearsOnProgress(FailureCounterMachine.ReclaimerOf(e), true)),
            T.Bool(policy.HopelessReset.ClearsOnProgress(FailureCounterMachine.ReclaimerOf(e), false)));
        return T.Ite(IsEvent(input, CounterEvent.KswapdRun), Decision(CounterEvent.KswapdRun),
            T.Ite(IsEvent(input, CounterEvent.MemcgReclaim), Decision(CounterEvent.MemcgReclaim), Decision(CounterEvent.DirectReclaim)));
    }

    /// <summary>The monitor: reset when the node is balanced or a hopeless node is revived; one more per futile run.</summary>
    public static Term NextFutile(Frame s, Frame input)
    {
        var revived = T.And(IsEvent(input, CounterEvent.PcpFree), Hopeless(s));
        return T.Ite(T.Or(input[Balanced], revived), T.Bv(0, 8), T.Ite(FutileRun(s, input), T.Add(s[Futile], T.Bv(1, 8)), s[Futile]));
    }

    public static TransitionSystem System(KernelPolicy policy, bool monitored)
    {
        IReadOnlyList<SystemVar> state = monitored ? [new(Failures, 8), new(Futile, 8)] : [new(Failures, 8)];
        return new TransitionSystem(
            $"kswapd-failures({policy.Name})",
            state,
            [new(Event, 2), new(Reclaimed, 0), new(Boosted, 0), new(Balanced, 0)],
            s => monitored ? T.And(T.Eq(s[Failures], T.Bv(0, 8)), T.Eq(s[Futile], T.Bv(0, 8))) : T.Eq(s[Failures], T.Bv(0, 8)),
            (s, input, next) => T.And(
                T.Eq(next[Failures], NextFailures(policy, s, input)),
                monitored ? T.Eq(next[Futile], NextFutile(s, input)) : T.True));
    }

    /// <summary>The inductive strengthening: futile &lt;= failures &lt;= 16.</summary>
    public static Term Invariant(Frame s) =>
        T.And(T.ULe(s[Futile], s[Failures]), T.ULe(s[Failures], T.Bv(KswapdFunctions.MaxReclaimRetries, 8)));

    /// <summary>P-HOPELESS: 16 futile runs without balance make the node hopeless.</summary>
    public static Term HopelessWithin16(Frame s) =>
        T.Implies(T.UGe(s[Futile], T.Bv(KswapdFunctions.MaxReclaimRetries, 8)), Hopeless(s));
}
