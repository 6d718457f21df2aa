using MmVerify.Engine.Smt;
using MmVerify.Model.Watermarks;
using MmVerify.Specs.Theories.Encodings;

namespace MmVerify.Specs.Theories;

/// <summary>boost: boost_watermark()'s bound and the decay at the end of a boosted kswapd run.</summary>
public sealed class BoostTheory : ITheory
{
    public string Name => "boost";

    public string Summary => "boost_watermark never exceeds max_boost; mult_frac is exact; a boosted kswapd run takes its boost away";

    public IReadOnlyList<TheoryQuery> Queries { get; } =
    [
        new("boost", "max-bound", "boost.bounded",
            "a boost at or below max_boost stays at or below it after boost_watermark() (so from 0 it never exceeds it), for every factor 0..INT_MAX and pageblock order",
            SolverVerdict.Proved,
            "The new boost is min(boost + pageblock, max_boost), or unchanged when boosting is off.",
            () =>
            {
                var x = BoostInputs.Vars();
                var max = BoostEncoding.MaxBoost(x);
                return new SmtQuery("max-bound", "a boost pushed above max_boost", [x.Domain(), T.ULe(x.Boost, max), T.UGt(BoostEncoding.NextBoost(x), max)]);
            },
            o =>
            {
                var (boost, factor, pb, managed, high) = Read(o);
                var next = WatermarkBoosting.NextBoost(boost, factor, pb, managed, high);
                var max = WatermarkBoosting.MaxBoost(high, factor, pb);
                return new ReplayResult(next > max, $"model boost {boost} -> {next}, max_boost {max}");
            }),
        new("boost", "mult-frac-exact", "boost.bounded",
            "mult_frac(HIGH, factor, 10000) equals floor(HIGH * factor / 10000) exactly: no overflow for HIGH up to 2^42 and any factor up to INT_MAX",
            SolverVerdict.Proved,
            "quot * n stays below 2^60 and rem * n below 2^45.",
            () =>
            {
                // Exact integers: each partial product below 2^63 means the kernel's unsigned long (and the model's long) never wraps.
                var (high, factor) = (T.IntVar("wmark_high"), T.IntVar("watermark_boost_factor"));
                var d = T.Int(10000);
                var quot = T.IMul(T.IDiv(high, d), factor);
                var rem = T.IMul(T.IMod(high, d), factor);
                var mf = T.IAdd(quot, T.IDiv(rem, d));
                var ok = T.And(T.Eq(mf, T.IDiv(T.IMul(high, factor), d)), T.ILt(quot, T.Pow2(63)), T.ILt(rem, T.Pow2(63)), T.ILt(mf, T.Pow2(63)));
                return new SmtQuery("mult-frac-exact", "a mult_frac that differs from the exact quotient or overflows",
                    [T.IInRange(high, 0, (Int128)BoostInputs.MaxHigh), T.IInRange(factor, 0, int.MaxValue), T.Not(ok)], [high, factor], "QF_NIA");
            },
            o =>
            {
                var high = o["wmark_high"].AsSigned;
                var factor = o["watermark_boost_factor"].AsSigned;
                var mf = KernelMath.MultFrac(high, factor, 10000);
                var exact = (Int128)high * factor / 10000;
                return new ReplayResult(mf != exact, $"model mult_frac {mf}, exact {exact}");
            }),
        new("boost", "decay-after-run", "boost.decays",
            "at the end of a boosted balance_pgdat() run the boost it started with is gone: what remains is only boost added during the run, and 0 if none was",
            SolverVerdict.Proved,
            "out: subtracts min(boost, the snapshot at entry) from each zone.",
            () =>
            {
                var now = Bv.Var("boost_at_end");
                var start = Bv.Var("boost_at_start");
                var after = T.Define("boost_after", BoostEncoding.BoostAfterRun(now, start));
                var ok = T.And(T.ULe(after, now), T.Implies(T.Eq(now, start), T.Eq(after, Bv.U(0))), T.Implies(T.UGe(now, start), T.Eq(after, T.Sub(now, start))));
                return new SmtQuery("decay-after-run", "a boost that survives its boosted run", [T.Not(ok)], [now, start]);
            },
            o =>
            {
                var now = (long)o["boost_at_end"].AsU64;
                var start = (long)o["boost_at_start"].AsU64;
                var after = WatermarkBoosting.BoostAfterRun(now, start);
                return new ReplayResult(after > now || (now == start && after != 0), $"model boost {now} (started at {start}) -> {after}");
            }),
    ];

    private static (long Boost, long Factor, long Pageblock, long Managed, long High) Read(SolverOutcome o) =>
        ((long)o["boost"].AsU64, (long)o["watermark_boost_factor"].AsU64, 1L << (int)o["pageblock_order"].AsU64, (long)o["managed"].AsU64, (long)o["wmark_high"].AsU64);
}
