using MmVerify.Engine.Smt;

namespace MmVerify.Specs.Theories.Encodings;

/// <summary>The inputs of one zone's watermark setup: sysctls, its managed pages, the lowmem total and its kind.</summary>
public sealed record WmarkSetupInputs(Term MinFreeKbytes, Term Managed, Term LowmemPages, Term ScaleFactor, Term IsLowmemZone)
{
    public const ulong MaxZonePages = 1UL << 40;

    public static WmarkSetupInputs Vars(string prefix = "") => new(
        Bv.Var(prefix + "min_free_kbytes"), Bv.Var(prefix + "managed"), Bv.Var(prefix + "lowmem_pages"),
        Bv.Var(prefix + "watermark_scale_factor"), T.BoolVar(prefix + "lowmem_zone"));

    /// <summary>
    /// The full ranges: min_free_kbytes 0..INT_MAX (the sysctl's range), watermark_scale_factor 1..3000, a zone
    /// of 1..2^40 pages, lowmem_pages the sum of up to four lowmem zones (so at least the zone itself when it is one).
    /// </summary>
    public Term Domain() => T.And(
        Bv.InRange(MinFreeKbytes, 0, int.MaxValue),
        Bv.InRange(Managed, 1, MaxZonePages),
        Bv.InRange(LowmemPages, 1, 4 * MaxZonePages),
        Bv.InRange(ScaleFactor, 1, 3000),
        T.Implies(IsLowmemZone, T.ULe(Managed, LowmemPages)));
}

/// <summary>The watermarks __setup_per_zone_wmarks() computes for one zone, as 64-bit unsigned terms.</summary>
public sealed record WmarkSetupTerms(Term PagesMin, Term Share, Term Min, Term Delta, Term Low, Term High, Term Promo);

public static class WmarkSetupEncoding
{
    // mirrors __setup_per_zone_wmarks(), mm/page_alloc.c, v7.2 (one zone; u64 and unsigned long arithmetic)
    public static WmarkSetupTerms Setup(WmarkSetupInputs x, string prefix = "")
    {
        var pagesMin = T.Define(prefix + "pages_min", T.LShr(x.MinFreeKbytes, Bv.U(2)));
        var share = T.Define(prefix + "share", T.UDiv(T.Mul(pagesMin, x.Managed), x.LowmemPages));
        var highmemMin = Bv.Clamp(T.UDiv(x.Managed, Bv.U(1024)), 32, 128);
        var min = T.Define(prefix + "wmark_min", T.Ite(x.IsLowmemZone, share, highmemMin));
        var delta = T.Define(prefix + "delta", T.UMax(T.LShr(share, Bv.U(2)), Bv.MultFrac(x.Managed, x.ScaleFactor, 10000)));
        var low = T.Define(prefix + "wmark_low", T.Add(min, delta));
        var high = T.Define(prefix + "wmark_high", T.Add(min, T.Mul(Bv.U(2), delta)));
        var promo = T.Define(prefix + "wmark_promo", T.Add(min, T.Mul(Bv.U(3), delta)));
        return new WmarkSetupTerms(pagesMin, share, min, delta, low, high, promo);
    }

    /// <summary>pages_min * managed does not fit 64 bits (the kernel's u64 product wraps).</summary>
    public static Term ProductWraps(WmarkSetupInputs x, WmarkSetupTerms w) =>
        T.UGe(T.Mul(Bv.Wide(w.PagesMin), Bv.Wide(x.Managed)), T.Bv(UInt128.One << 64, 128));
}
