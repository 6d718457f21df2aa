using MmVerify.Engine.Smt;

namespace MmVerify.Specs.Theories.Encodings;

/// <summary>The inputs of boost_watermark(): the zone's boost, watermark_boost_factor, pageblock order, managed pages, un-boosted HIGH.</summary>
public sealed record BoostInputs(Term Boost, Term Factor, Term PageblockOrder, Term Managed, Term RawHigh)
{
    public const ulong MaxHigh = 1UL << 42;

    public static BoostInputs Vars() => new(Bv.Var("boost"), Bv.Var("watermark_boost_factor"), T.BvVar("pageblock_order", 8), Bv.Var("managed"), Bv.Var("wmark_high"));

    /// <summary>watermark_boost_factor 0..INT_MAX (the sysctl has no upper bound), pageblock order 0..10, zones up to 2^40 pages.</summary>
    public Term Domain() => T.And(
        Bv.InRange(Factor, 0, int.MaxValue),
        T.ULe(PageblockOrder, T.Bv(10, 8)),
        Bv.InRange(Managed, 1, WmarkSetupInputs.MaxZonePages),
        Bv.InRange(RawHigh, 0, MaxHigh),
        Bv.InRange(Boost, 0, 4 * MaxHigh));

    public Term PageblockPages => T.Shl(Bv.U(1), T.ZeroExt(PageblockOrder, 56));
}

public static class BoostEncoding
{
    /// <summary>max_boost of boost_watermark(): max(pageblock_nr_pages, mult_frac(HIGH, factor, 10000)), or 0 before watermarks exist.</summary>
    public static Term MaxBoost(BoostInputs x)
    {
        var raw = T.Define("max_boost_raw", Bv.MultFrac(x.RawHigh, x.Factor, 10000));
        return T.Define("max_boost", T.Ite(T.Eq(raw, Bv.U(0)), Bv.U(0), T.UMax(x.PageblockPages, raw)));
    }

    // mirrors boost_watermark(), mm/page_alloc.c, v7.2: the boost afterwards (unchanged when it does nothing)
    public static Term NextBoost(BoostInputs x)
    {
        var max = MaxBoost(x);
        var noop = T.Or(T.Eq(x.Factor, Bv.U(0)), T.UGt(T.Mul(x.PageblockPages, Bv.U(4)), x.Managed), T.Eq(max, Bv.U(0)));
        return T.Define("boost_next", T.Ite(noop, x.Boost, T.UMin(T.Add(x.Boost, x.PageblockPages), max)));
    }

    // mirrors the boost decay at the "out:" label of balance_pgdat(), mm/vmscan.c, v7.2
    public static Term BoostAfterRun(Term now, Term atStart) => T.Sub(now, T.UMin(now, atStart));
}
