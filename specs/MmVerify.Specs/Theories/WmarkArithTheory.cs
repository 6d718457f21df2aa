using System.Numerics;
using MmVerify.Engine.Smt;
using MmVerify.Specs.Theories.Encodings;

namespace MmVerify.Specs.Theories;

/// <summary>
/// wmark-arith: __setup_per_zone_wmarks() and setup_per_zone_lowmem_reserve() as 64-bit unsigned arithmetic
/// over the full sysctl ranges and zones up to 2^40 pages.
/// </summary>
public sealed class WmarkArithTheory : ITheory
{
    public string Name => "wmark-arith";

    public string Summary => "watermark setup and lowmem_reserve as u64 arithmetic over the full sysctl ranges and zones up to 2^40 pages";

    public IReadOnlyList<TheoryQuery> Queries { get; } =
    [
        new("wmark-arith", "setup-ordered", "wmark.ordered",
            "min <= low <= high <= promo with equal steps, no wrap in the sums, for every zone kind, sysctl and size",
            SolverVerdict.Proved,
            "LOW, HIGH and PROMO add 1, 2 and 3 deltas to MIN; delta is at most share/4 or 30% of the zone, far from 2^64.",
            () =>
            {
                var x = WmarkSetupInputs.Vars();
                var w = WmarkSetupEncoding.Setup(x);
                var ordered = T.And(T.ULe(w.Min, w.Low), T.ULe(w.Low, w.High), T.ULe(w.High, w.Promo),
                    T.Eq(T.Sub(w.Low, w.Min), T.Sub(w.High, w.Low)), T.Eq(T.Sub(w.High, w.Low), T.Sub(w.Promo, w.High)));
                return new SmtQuery("setup-ordered", "a zone whose watermarks are out of order or unevenly spaced", [x.Domain(), T.Not(ordered)], Observe(x));
            },
            ReplaySetupOrdered),
        new("wmark-arith", "setup-product-wraps", "wmark.arith",
            "the u64 product pages_min * managed never wraps (expected to fail: it does, from 2^35 pages and min_free_kbytes >= 2^30 KiB)",
            SolverVerdict.Counterexample,
            "pages_min reaches 2^29 (min_free_kbytes up to INT_MAX) and a zone 2^40 pages; 2^69 does not fit 64 bits. A finding for absurd settings, kept honest: the kernel computes a wrapped MIN.",
            () =>
            {
                var x = WmarkSetupInputs.Vars();
                var w = WmarkSetupEncoding.Setup(x);
                return new SmtQuery("setup-product-wraps", "a lowmem zone whose pages_min * managed wraps 64 bits",
                    [x.Domain(), x.IsLowmemZone, WmarkSetupEncoding.ProductWraps(x, w)], [.. Observe(x), w.Min]);
            },
            ReplayProductWraps),
        new("wmark-arith", "setup-min-within-share", "wmark.arith",
            "a lowmem zone's MIN never exceeds pages_min (min_free_kbytes in pages), even when the u64 product wraps",
            SolverVerdict.Proved,
            "managed <= lowmem_pages, so pages_min * managed / lowmem_pages <= pages_min; the wrap only makes the product smaller. Exact integers with the wrap written as mod 2^64.",
            () =>
            {
                var (mfk, managed, lowmem) = (T.IntVar("min_free_kbytes"), T.IntVar("managed"), T.IntVar("lowmem_pages"));
                var pagesMin = T.Define("pages_min", T.IDiv(mfk, T.Int(4)));
                var share = T.Define("share", T.IDiv(T.IMod(T.IMul(pagesMin, managed), T.Pow2(64)), lowmem));
                return new SmtQuery("setup-min-within-share", "a lowmem zone whose MIN exceeds pages_min",
                    [T.IInRange(mfk, 0, int.MaxValue), T.IInRange(managed, 1, (Int128)WmarkSetupInputs.MaxZonePages), T.IInRange(lowmem, 1, 4 * (Int128)WmarkSetupInputs.MaxZonePages),
                     T.ILe(managed, lowmem), T.IGt(share, pagesMin)], [mfk, managed, lowmem], "QF_NIA");
            },
            o =>
            {
                var w = ModelCalls.Setup(o["min_free_kbytes"].AsSigned, o["managed"].AsSigned, o["lowmem_pages"].AsSigned, 10, lowmemZone: true);
                return new ReplayResult((ulong)w.Min > (ulong)o["min_free_kbytes"].AsSigned >> 2, $"model MIN {(ulong)w.Min}");
            }),
        new("wmark-arith", "lowmem-reserve", "wmark.arith",
            "lowmem_reserve[j] never decreases with j, never exceeds the managed pages above the zone, and is 0 for ratios below 1",
            SolverVerdict.Proved,
            "Each reserve divides a running sum of managed pages (at most 3 * 2^40, no wrap) by the same ratio.",
            () =>
            {
                var x = LowmemReserveInputs.Vars();
                var r = LowmemReserveEncoding.Reserves(x);
                var ok = T.And(T.ILe(T.Int(0), r[0]), T.ILe(r[0], r[1]), T.ILe(r[1], r[2]),
                    T.ILe(r[0], x.Upper1), T.ILe(r[2], T.IAdd(T.IAdd(x.Upper1, x.Upper2), x.Upper3)),
                    T.Implies(T.ILt(x.Ratio, T.Int(1)), T.Eq(r[2], T.Int(0))));
                return new SmtQuery("lowmem-reserve", "a lowmem_reserve that decreases, exceeds the pages above, or ignores a ratio below 1", [x.Domain(), T.Not(ok)], logic: "QF_NIA");
            },
            outcome =>
            {
                var m = ModelCalls.LowmemReserve((int)outcome["ratio"].AsSigned, outcome["zone_managed"].AsSigned, outcome["upper1_managed"].AsSigned, outcome["upper2_managed"].AsSigned, outcome["upper3_managed"].AsSigned);
                var bad = m[0] > m[1] || m[1] > m[2];
                return new ReplayResult(bad, $"model lowmem_reserve {m[0]}, {m[1]}, {m[2]}");
            }),
    ];

    private static Term[] Observe(WmarkSetupInputs x) => [x.MinFreeKbytes, x.Managed, x.LowmemPages, x.ScaleFactor, x.IsLowmemZone];

    private static (long Mfk, long Managed, long Lowmem, long Wsf, bool Lowmem_) Inputs(SolverOutcome o) =>
        ((long)o["min_free_kbytes"].AsU64, (long)o["managed"].AsU64, (long)o["lowmem_pages"].AsU64, (long)o["watermark_scale_factor"].AsU64, o["lowmem_zone"].AsBool);

    private static ReplayResult ReplaySetupOrdered(SolverOutcome o)
    {
        var (mfk, managed, lowmem, wsf, isLowmem) = Inputs(o);
        var w = ModelCalls.Setup(mfk, managed, lowmem, wsf, isLowmem);
        var (min, low, high, promo) = ((ulong)w.Min, (ulong)w.Low, (ulong)w.High, (ulong)w.Promo);
        var bad = !(min <= low && low <= high && high <= promo && low - min == high - low && high - low == promo - high)
            || (isLowmem && min > (ulong)mfk >> 2);
        return new ReplayResult(bad, $"model watermarks min {min} low {low} high {high} promo {promo}");
    }

    private static ReplayResult ReplayProductWraps(SolverOutcome o)
    {
        var (mfk, managed, lowmem, wsf, isLowmem) = Inputs(o);
        var w = ModelCalls.Setup(mfk, managed, lowmem, wsf, isLowmem);
        var exact = new BigInteger(mfk >> 2) * managed / lowmem;
        var wrapped = (new BigInteger(mfk >> 2) * managed % (BigInteger.One << 64)) / lowmem;
        var confirmed = isLowmem && (ulong)w.Min == (ulong)wrapped && wrapped != exact;
        return new ReplayResult(confirmed, $"model MIN {(ulong)w.Min} pages (the wrapped u64 result) where the exact share is {exact}");
    }
}
