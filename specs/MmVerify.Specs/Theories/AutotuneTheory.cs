using MmVerify.Engine.Smt;
using MmVerify.Model.Variants;
using MmVerify.Specs.Theories.Encodings;

namespace MmVerify.Specs.Theories;

/// <summary>autotune: the seed-002 patches' arithmetic (v1's cap and int overflow, v2's raise, decay floor and fixpoint).</summary>
public sealed class AutotuneTheory : ITheory
{
    public string Name => "autotune";

    public string Summary => "seed-002 v1's 1% cap and its C int arithmetic; v2's raise cap, decay floor and fixpoint";

    public IReadOnlyList<TheoryQuery> Queries { get; } = [.. Build().Select(q => q with { Variant = q.Name.StartsWith("v1", StringComparison.Ordinal) ? "linux-7.2+autotune-v1" : "linux-7.2+autotune-v2" })];

    private static IEnumerable<TheoryQuery> Build() =>
    [
        new("autotune", "v1-cap", "tune.cap",
            "v1 never raises min_free_kbytes above 1% of RAM, even with its int arithmetic, for min_free_kbytes 0..INT_MAX and up to 2^40 pages",
            SolverVerdict.Proved,
            "A raise is at most max_limit, and the int truncation of total_kbytes / 100 is never above the true value.",
            () =>
            {
                var (mfk, pages) = V1Vars();
                var next = AutotuneEncoding.V1Next(mfk, pages);
                return new SmtQuery("v1-cap", "a v1 raise above 1% of RAM",
                    [V1Domain(mfk, pages), T.SGt(next, mfk), T.UGt(T.SignExt(next, 32), AutotuneEncoding.TrueCap(pages))], [mfk, pages]);
            },
            o =>
            {
                var (mfk, pages) = V1Read(o);
                var next = AutotuneV1.NextMinFreeKbytes(mfk, pages);
                return new ReplayResult(next > mfk && (ulong)next > (pages << 2) / 100, $"model v1 {mfk} -> {next}");
            }),
        new("autotune", "v1-int-overflow", "tune.cap",
            "v1 raises min_free_kbytes whenever 1% of RAM is above it (expected to fail: from 2^30 KiB, min_free_kbytes * 2 overflows int and the raise is silently lost)",
            SolverVerdict.Counterexample,
            "int new_min = min_free_kbytes * 2 wraps negative for values >= 2^30 (the kernel builds with -fno-strict-overflow; in ISO C it is undefined).",
            () =>
            {
                var (mfk, pages) = V1Vars();
                var next = AutotuneEncoding.V1Next(mfk, pages);
                var cap = AutotuneEncoding.TrueCap(pages);
                return new SmtQuery("v1-int-overflow", "no raise although the cap is above min_free_kbytes and fits an int",
                    [V1Domain(mfk, pages), T.UGt(cap, T.SignExt(mfk, 32)), T.ULt(cap, Bv.U(int.MaxValue)), T.Eq(next, mfk)], [mfk, pages]);
            },
            o =>
            {
                var (mfk, pages) = V1Read(o);
                var next = AutotuneV1.NextMinFreeKbytes(mfk, pages);
                var cap = (pages << 2) / 100;
                return new ReplayResult(next == mfk && cap > (ulong)mfk, $"model v1 leaves min_free_kbytes at {mfk} although 1% of RAM is {cap} (min_free_kbytes * 2 = {unchecked(mfk * 2)} as int)");
            }),
        new("autotune", "v1-cap-truncation", "tune.cap",
            "v1 doubles min_free_kbytes up to the 1% cap as intended (expected to fail: above 200 TiB, int max_limit = total_kbytes / 100 truncates)",
            SolverVerdict.Counterexample,
            "total_kbytes / 100 >= 2^31 does not fit the int max_limit; the truncated cap is small or negative.",
            () =>
            {
                var (mfk, pages) = V1Vars();
                var next = AutotuneEncoding.V1Next(mfk, pages);
                var intended = T.UMax(T.SignExt(mfk, 32), T.UMin(T.Mul(T.SignExt(mfk, 32), Bv.U(2)), AutotuneEncoding.TrueCap(pages)));
                return new SmtQuery("v1-cap-truncation", "a v1 result other than max(min_free_kbytes, min(2 * min_free_kbytes, 1% of RAM)) without the doubling overflow",
                    [V1Domain(mfk, pages), T.SLt(mfk, AutotuneEncoding.Int32(1 << 30)), T.Distinct(T.SignExt(next, 32), intended)], [mfk, pages]);
            },
            o =>
            {
                var (mfk, pages) = V1Read(o);
                var next = AutotuneV1.NextMinFreeKbytes(mfk, pages);
                var intended = Math.Max(mfk, Math.Min(2L * mfk, (long)((pages << 2) / 100)));
                return new ReplayResult(next != intended, $"model v1 {mfk} -> {next}, intended {intended} (1% of RAM {(pages << 2) / 100} KiB, as int {unchecked((int)((pages << 2) / 100))})");
            }),
        new("autotune", "v2-raise-cap", "tune.cap",
            "a v2 raise (+50%) never goes above 1% of RAM",
            SolverVerdict.Proved,
            "min(cur * 3 / 2, total_kbytes / 100), applied only when above cur.",
            () =>
            {
                var cur = Bv.Var("min_free_kbytes");
                var total = Bv.Var("total_kbytes");
                var raised = AutotuneEncoding.V2Raise(cur, total);
                return new SmtQuery("v2-raise-cap", "a v2 raise above 1% of RAM",
                    [Bv.InRange(cur, 0, AutotuneEncoding.MaxRamPages << 2), Bv.InRange(total, 0, AutotuneEncoding.MaxRamPages << 2), T.SGt(raised, cur), T.SGt(raised, T.SDiv(total, Bv.U(100)))], [cur, total]);
            },
            o =>
            {
                var cur = (long)o["min_free_kbytes"].AsU64;
                var total = (long)o["total_kbytes"].AsU64;
                var raised = AutotuneV2.RaisedMinFreeKbytes(cur, total);
                return new ReplayResult(raised > cur && raised > total / 100, $"model v2 raise {cur} -> {raised}");
            }),
        new("autotune", "v2-decay-floor", "tune.restores",
            "from at or above the floor (1.2 x the value before tuning), a v2 decay never goes below the floor and never up",
            SolverVerdict.Proved,
            "max(cur * 95 / 100, floor) with floor <= cur.",
            () =>
            {
                var (cur, initial) = V2Vars();
                var next = AutotuneEncoding.V2Decay(cur, initial);
                var floor = AutotuneEncoding.V2Floor(initial);
                return new SmtQuery("v2-decay-floor", "a decay below the floor or upwards",
                    [V2Domain(cur, initial), T.SGe(cur, floor), T.Not(T.And(T.SGe(next, floor), T.SLe(next, cur)))], [cur, initial]);
            },
            o => ReplayDecay(o)),
        new("autotune", "v2-decay-fixpoint", "tune.restores",
            "the decay chain's only fixpoint at or above the floor is the floor: above it every decay strictly lowers the value, so the chain reaches the floor and stays",
            SolverVerdict.Proved,
            "cur * 95 / 100 < cur for cur >= 1; a strictly decreasing chain of naturals bounded by the floor ends at it.",
            () =>
            {
                var (cur, initial) = V2Vars();
                var next = AutotuneEncoding.V2Decay(cur, initial);
                var floor = AutotuneEncoding.V2Floor(initial);
                return new SmtQuery("v2-decay-fixpoint", "a decay step that stalls above the floor or leaves the floor",
                    [V2Domain(cur, initial), T.SGe(cur, floor), T.Not(T.Eq(T.Eq(next, cur), T.Eq(cur, floor)))], [cur, initial]);
            },
            o => ReplayDecay(o)),
    ];

    private static (Term Mfk, Term Pages) V1Vars() => (T.BvVar("min_free_kbytes", 32), Bv.Var("totalram_pages"));

    private static Term V1Domain(Term mfk, Term pages) =>
        T.And(T.SGe(mfk, AutotuneEncoding.Int32(0)), Bv.InRange(pages, 1, AutotuneEncoding.MaxRamPages));

    private static (int Mfk, ulong Pages) V1Read(SolverOutcome o) => ((int)o["min_free_kbytes"].AsSigned, o["totalram_pages"].AsU64);

    private static (Term Cur, Term Initial) V2Vars() => (Bv.Var("min_free_kbytes"), Bv.Var("initial_min_free_kbytes"));

    /// <summary>Values up to 4 x 2^40 KiB (1% of 2^40 pages is far below): the model's 64-bit arithmetic cannot overflow there.</summary>
    private static Term V2Domain(Term cur, Term initial) =>
        T.And(Bv.InRange(cur, 0, AutotuneEncoding.MaxRamPages << 2), Bv.InRange(initial, 0, AutotuneEncoding.MaxRamPages << 2));

    private static ReplayResult ReplayDecay(SolverOutcome o)
    {
        var cur = (long)o["min_free_kbytes"].AsU64;
        var initial = (long)o["initial_min_free_kbytes"].AsU64;
        var next = AutotuneV2.DecayedMinFreeKbytes(cur, initial);
        var floor = initial * 12 / 10;
        var bad = next < floor || next > cur || ((next == cur) != (cur == floor));
        return new ReplayResult(bad, $"model v2 decay {cur} -> {next} (floor {floor})");
    }
}
