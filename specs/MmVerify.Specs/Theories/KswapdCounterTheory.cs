using System.Globalization;
using MmVerify.Engine.Smt;
using MmVerify.Model.Variants;
using MmVerify.Specs.Theories.Encodings;

namespace MmVerify.Specs.Theories;

/// <summary>
/// kswapd-counter: the kswapd_failures machine per variant. Bounded model checking for the seed-001 livelock as
/// a lasso (an infinite run, never balanced, never hopeless, with futile kswapd runs forever), k-induction for
/// "hopeless within 16 futile runs unless balanced", and a one-step check that resets happen only at balance.
/// </summary>
public sealed class KswapdCounterTheory : ITheory
{
    /// <summary>
    /// The lasso depth. failures takes 17 reachable values, 16 of them not hopeless; any fair lasso has a stem of
    /// at most 16 steps and a loop of at most 31, and every state can stutter (reclaim without progress), so a
    /// lasso exists iff one of exactly 48 steps does: at this depth "no lasso" is a proof, not a bound.
    /// </summary>
    public const int LassoDepth = 48;

    /// <summary>The depth of the base case of the hopeless property (16 futile runs plus resets fit).</summary>
    public const int BaseDepth = 20;

    public static IReadOnlyList<string> Variants { get; } = ["linux-6.12", "linux-6.12+reset-when-balanced", "linux-7.2"];

    public string Name => "kswapd-counter";

    public string Summary => "the kswapd_failures machine per variant: the seed-001 livelock as a lasso (BMC), hopeless within 16 futile runs (k-induction), resets only at balance";

    public IReadOnlyList<TheoryQuery> Queries { get; } = [.. Variants.SelectMany(ForVariant)];

    /// <summary>The policy points the failure-counter encoding reads (FailureCounterEncoding): a variant that changes
    /// one of them gets its own queries; other changes are invisible to this theory.</summary>
    public static IReadOnlyList<PolicyPoint> EncodedPoints { get; } = [PolicyPoint.HopelessReset, PolicyPoint.FailureCount, PolicyPoint.PcpRevive];

    /// <summary>The theory's queries about any variant (the catalog asks them for <see cref="Variants"/>).</summary>
    public static IReadOnlyList<TheoryQuery> QueriesFor(string variant) => [.. ForVariant(variant)];

    private static IEnumerable<TheoryQuery> ForVariant(string variant)
    {
        var policy = VariantCatalog.Resolve(variant);
        var livelocks = policy.HopelessReset.ClearsOnProgress(Model.Reclaim.Reclaimer.Memcg, nodeBalanced: false);
        var expected = livelocks ? SolverVerdict.Counterexample : SolverVerdict.Proved;
        var why = livelocks
            ? "seed 001: any reclaim progress clears kswapd_failures, so memcg reclaim of a few pages keeps a futile kswapd alive on an unbalanced node."
            : "Progress clears kswapd_failures only when the node is balanced (seed 001 v3 / v7.2), so futile runs accumulate.";

        yield return new TheoryQuery("kswapd-counter", $"{variant}.livelock-lasso", "kswapd.hopeless",
            $"{variant}: no infinite run in which the node is never balanced, kswapd never becomes hopeless and runs futilely forever (lasso search to depth {LassoDepth}, complete for this machine)",
            expected, why,
            () =>
            {
                var ts = FailureCounterEncoding.System(policy, monitored: false);
                return Unrolling.Lasso($"{variant}.livelock-lasso", "a lasso: never balanced, never hopeless, futile kswapd runs forever", ts, LassoDepth,
                    (s, input, _) => T.And(T.Not(input[FailureCounterEncoding.Balanced]), T.Not(FailureCounterEncoding.Hopeless(s))),
                    (s, input, _) => FailureCounterEncoding.FutileRun(s, input));
            },
            o => ReplayLasso(policy, o)) { Variant = variant };

        yield return new TheoryQuery("kswapd-counter", $"{variant}.memcg-livelock-lasso", "kswapd.hopeless",
            $"{variant}: seed 001 exactly: no infinite run in which kswapd never reclaims anything and no direct reclaim runs, the node is never balanced, and kswapd never becomes hopeless (only memcg memory.high reclaim makes progress)",
            expected, why,
            () =>
            {
                var ts = FailureCounterEncoding.System(policy, monitored: false);
                return Unrolling.Lasso($"{variant}.memcg-livelock-lasso", "a lasso: kswapd reclaims nothing, never balanced, never hopeless, futile kswapd runs forever", ts, LassoDepth,
                    (s, input, _) => T.And(T.Not(input[FailureCounterEncoding.Balanced]), T.Not(FailureCounterEncoding.Hopeless(s)),
                        T.Not(FailureCounterEncoding.IsEvent(input, CounterEvent.DirectReclaim)),
                        T.Implies(FailureCounterEncoding.IsEvent(input, CounterEvent.KswapdRun), T.Not(input[FailureCounterEncoding.Reclaimed]))),
                    (s, input, _) => FailureCounterEncoding.FutileRun(s, input));
            },
            o => ReplayLasso(policy, o)) { Variant = variant };

        yield return new TheoryQuery("kswapd-counter", $"{variant}.hopeless-base", "kswapd.hopeless",
            $"{variant}: k-induction base case: within {BaseDepth} steps from boot, 16 futile kswapd runs since the node was last balanced (or revived) always leave it hopeless, with futile <= failures <= 16",
            expected, why,
            () => Unrolling.Bmc($"{variant}.hopeless-base", "a run from boot that violates the hopeless property", FailureCounterEncoding.System(policy, monitored: true), BaseDepth, Property),
            o => ReplayBase(policy, o)) { Variant = variant };

        yield return new TheoryQuery("kswapd-counter", $"{variant}.hopeless-step", "kswapd.hopeless",
            $"{variant}: k-induction step (k=1, property strengthened with futile <= failures <= 16): every step from a state satisfying it leads to one that does",
            expected, why,
            () => Unrolling.InductionStep($"{variant}.hopeless-step", "a step from a good state to a bad one", FailureCounterEncoding.System(policy, monitored: true), 1, Property),
            o => ReplayStep(policy, o)) { Variant = variant };

        var boostedCounts = policy.FailureCount.CountsAsFailure(0, boosted: true);
        yield return new TheoryQuery("kswapd-counter", $"{variant}.boosted-run-not-counted", "kswapd.hopeless",
            $"{variant}: a kswapd run that started boosted never raises kswapd_failures, even when it reclaims nothing (P-HOPELESS counts non-boosted runs)",
            boostedCounts ? SolverVerdict.Counterexample : SolverVerdict.Proved,
            boostedCounts
                ? "Before ≈v6.19 every zero-reclaim balance_pgdat() run counted; boosted reclaim (no writeback, no swap; nothing at all under MGLRU) can make a node hopeless with plenty reclaimable."
                : "balance_pgdat() counts a failure only for a run that reclaimed nothing and was not boosted (Jiayuan Chen, ≈v6.19).",
            () =>
            {
                var ts = FailureCounterEncoding.System(policy, monitored: false);
                var (s, input, next) = (ts.StateAt(0), ts.InputAt(0), ts.StateAt(1));
                return new SmtQuery($"{variant}.boosted-run-not-counted", "a boosted kswapd run that raises kswapd_failures",
                    [ts.Transition(s, input, next), T.ULe(s[FailureCounterEncoding.Failures], T.Bv(16, 8)), FailureCounterEncoding.IsEvent(input, CounterEvent.KswapdRun),
                     input[FailureCounterEncoding.Boosted], T.UGt(next[FailureCounterEncoding.Failures], s[FailureCounterEncoding.Failures])],
                    [s[FailureCounterEncoding.Failures], .. ts.Inputs.Select(v => input[v.Name]), next[FailureCounterEncoding.Failures]]);
            },
            o =>
            {
                var before = Value(o, FailureCounterEncoding.Failures, 0);
                var input = Input(o, 0);
                var m = new FailureCounterMachine(policy).WithFailures(before);
                m.Step(input);
                return new ReplayResult(input.Event == CounterEvent.KswapdRun && input.Boosted && m.Failures > before,
                    $"model: {Describe(input)} takes kswapd_failures {before} -> {m.Failures}");
            }) { Variant = variant };

        yield return new TheoryQuery("kswapd-counter", $"{variant}.reset-only-when-balanced", "kswapd.reset-when-balanced",
            $"{variant}: kswapd or direct reclaim clears a non-zero kswapd_failures only while the node is balanced (PCP revival exempt)",
            expected, why,
            () =>
            {
                var ts = FailureCounterEncoding.System(policy, monitored: false);
                var (s, input, next) = (ts.StateAt(0), ts.InputAt(0), ts.StateAt(1));
                return new SmtQuery($"{variant}.reset-only-when-balanced", "a reset by reclaim while unbalanced",
                    [ts.Transition(s, input, next), T.UGe(s[FailureCounterEncoding.Failures], T.Bv(1, 8)), T.ULe(s[FailureCounterEncoding.Failures], T.Bv(16, 8)), T.Eq(next[FailureCounterEncoding.Failures], T.Bv(0, 8)),
                     T.Not(FailureCounterEncoding.IsEvent(input, CounterEvent.PcpFree)), T.Not(input[FailureCounterEncoding.Balanced])],
                    [s[FailureCounterEncoding.Failures], .. ts.Inputs.Select(v => input[v.Name]), next[FailureCounterEncoding.Failures]]);
            },
            o =>
            {
                var before = Value(o, FailureCounterEncoding.Failures, 0);
                var input = Input(o, 0);
                var m = new FailureCounterMachine(policy).WithFailures(before);
                m.Step(input);
                return new ReplayResult(before >= 1 && m.Failures == 0 && !input.Balanced && input.Event != CounterEvent.PcpFree,
                    $"model: {Describe(input)} takes kswapd_failures {before} -> {m.Failures} while the node is unbalanced");
            }) { Variant = variant };
    }

    private static Term Property(Frame s) => T.And(FailureCounterEncoding.HopelessWithin16(s), FailureCounterEncoding.Invariant(s));

    private static int Value(SolverOutcome o, string name, int step) => (int)o[$"{name}@{step}"].AsU64;

    private static CounterInput Input(SolverOutcome o, int step) => new(
        (CounterEvent)Value(o, FailureCounterEncoding.Event, step),
        o[$"{FailureCounterEncoding.Reclaimed}@{step}"].AsBool,
        o[$"{FailureCounterEncoding.Boosted}@{step}"].AsBool,
        o[$"{FailureCounterEncoding.Balanced}@{step}"].AsBool);

    /// <summary>A step as a reviewer reads it.</summary>
    public static string Describe(CounterInput i)
    {
        var what = i.Event switch
        {
            CounterEvent.KswapdRun => i.Reclaimed ? "kswapd run with progress" : "kswapd run reclaiming nothing",
            CounterEvent.DirectReclaim => i.Reclaimed ? "direct reclaim with progress" : "direct reclaim without progress",
            CounterEvent.MemcgReclaim => i.Reclaimed ? "memcg reclaim with progress" : "memcg reclaim without progress",
            _ => "PCP free",
        };
        return what + (i.Boosted && i.Event == CounterEvent.KswapdRun ? " (boosted)" : string.Empty) + (i.Balanced ? " at balance" : string.Empty);
    }

    private static ReplayResult ReplayLasso(KernelPolicy policy, SolverOutcome o)
    {
        var loop = (int)o["loop"].AsU64;
        var m = new FailureCounterMachine(policy);
        var states = new List<int> { m.Failures };
        var ok = true;
        var (futile, resets, peak) = (0, new SortedDictionary<string, int>(StringComparer.Ordinal), 0);
        for (var i = 0; i < LassoDepth; i++)
        {
            var input = Input(o, i);
            var hopeless = m.Hopeless;
            var before = m.Failures;
            m.Step(input);
            states.Add(m.Failures);
            ok &= m.Failures == Value(o, FailureCounterEncoding.Failures, i + 1);
            if (i >= loop)
            {
                ok &= !input.Balanced && !hopeless;
                futile += FailureCounterMachine.IsFutileRun(hopeless, input) ? 1 : 0;
                peak = Math.Max(peak, m.Failures);
                if (before > 0 && m.Failures == 0)
                {
                    var kind = Describe(input);
                    resets[kind] = resets.GetValueOrDefault(kind) + 1;
                }
            }
        }

        var closes = states[LassoDepth] == states[loop];
        var confirmed = ok && closes && futile > 0;
        var resetText = resets.Count == 0 ? "no resets" : string.Join(", ", resets.Select(r => $"{r.Value} by {r.Key}"));
        return new ReplayResult(confirmed, string.Create(CultureInfo.InvariantCulture,
            $"model replay: from step {loop} a loop of {LassoDepth - loop} steps returns to kswapd_failures = {states[loop]} and repeats forever, the node never balanced and kswapd never hopeless: {futile} futile kswapd runs per loop, kswapd_failures peaks at {peak} and is reset while unbalanced ({resetText})"));
    }

    private static ReplayResult ReplayBase(KernelPolicy policy, SolverOutcome o)
    {
        var m = new FailureCounterMachine(policy);
        var futile = 0;
        for (var i = 0; i < BaseDepth; i++)
        {
            var input = Input(o, i);
            var hopeless = m.Hopeless;
            m.Step(input);
            futile = input.Balanced || (input.Event == CounterEvent.PcpFree && hopeless) ? 0 : futile + (FailureCounterMachine.IsFutileRun(hopeless, input) ? 1 : 0);
            if (futile > m.Failures || (futile >= 16 && !m.Hopeless))
            {
                return ReplayResult.Yes($"model replay: after step {i + 1} ({Describe(input)}), {futile} futile kswapd runs since the node was last balanced but kswapd_failures = {m.Failures}");
            }
        }

        return ReplayResult.No("model replay: the trace does not violate the property on the model");
    }

    private static ReplayResult ReplayStep(KernelPolicy policy, SolverOutcome o)
    {
        var failures = Value(o, FailureCounterEncoding.Failures, 0);
        var futile = Value(o, FailureCounterEncoding.Futile, 0);
        var input = Input(o, 0);
        var m = new FailureCounterMachine(policy).WithFailures(failures);
        var hopeless = m.Hopeless;
        m.Step(input);
        var next = input.Balanced || (input.Event == CounterEvent.PcpFree && hopeless) ? 0 : futile + (FailureCounterMachine.IsFutileRun(hopeless, input) ? 1 : 0);
        var bad = next > m.Failures || m.Failures > 16 || (next >= 16 && !m.Hopeless);
        return new ReplayResult(bad, $"model: from kswapd_failures {failures} (futile {futile}), {Describe(input)} gives kswapd_failures {m.Failures} (futile {next})");
    }
}
