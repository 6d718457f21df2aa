using MmVerify.Engine.Smt;
using MmVerify.Model.Gfp;
using MmVerify.Model.Variants;

namespace MmVerify.Specs.Theories.Encodings;

/// <summary>
/// zone_watermark_fast() for one concrete set of ALLOC_* flags at order 0: the quick accept, __zone_watermark_ok at
/// the (boosted) mark, and the boost exception, whose decision is read from the variant's AtomicMinBoost policy.
/// </summary>
public static class WmarkFastEncoding
{
    /// <summary>The check's inputs for an order-0 request with the given flags: order and flag bits are constants.</summary>
    public static WmarkCheckInputs Order0(AllocFlags flags, string prefix = "") =>
        WmarkCheckInputs.Vars(prefix) with
        {
            Order = T.Int(0),
            Flags = [.. Enumerable.Range(0, WmarkCheckInputs.FlagBits).Select(b => ((uint)flags & (1u << b)) != 0 ? T.True : T.False)],
        };

    // mirrors zone_watermark_fast(), mm/page_alloc.c, v7.2, at order 0 (x.Mark is the boosted mark, rawMin the un-boosted min)
    public static Term WatermarkFast(IAtomicMinBoostPolicy policy, AllocFlags flags, WmarkCheckInputs x, Term rawMin, Term boost, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(x);
        var unusable = WmarkCheckEncoding.UnusableFree(x, prefix + "fast_");
        var usable = T.ISub(x.Free, T.Ite(T.ILe(x.Free, unusable), x.Free, unusable));
        var quick = T.IGt(usable, T.IAdd(x.Mark, x.LowmemReserve));
        var atMark = WmarkCheckEncoding.WatermarkOk(x, prefix + "mark_");
        var atRawMin = WmarkCheckEncoding.WatermarkOk(x with { Mark = rawMin }, prefix + "raw_");
        var exception = T.And(T.Not(T.Eq(boost, T.Int(0))), T.Bool(policy.IgnoresBoost(0, flags)), atRawMin);
        return T.Define(prefix + "fast_ok", T.Or(quick, atMark, exception));
    }
}
