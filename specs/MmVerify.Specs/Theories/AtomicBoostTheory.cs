using MmVerify.Engine.Smt;
using MmVerify.Model.Gfp;
using MmVerify.Model.Variants;
using MmVerify.Model.Watermarks;
using MmVerify.Specs.Theories.Encodings;

namespace MmVerify.Specs.Theories;

/// <summary>
/// atomic-boost: zone_watermark_fast()'s boost exception per variant. An order-0 GFP_ATOMIC request in the slow
/// path (WMARK_MIN) must not be failed by a watermark boost while the zone holds more than the atomic threshold
/// of the un-boosted min (P-ATOMIC-NOFAIL); the variant's AtomicMinBoost policy decides.
/// </summary>
public sealed class AtomicBoostTheory : ITheory
{
    /// <summary>GFP_ATOMIC's slow-path flags at order 0 (KERNEL.md 4.5): WMARK_MIN | MIN_RESERVE | NON_BLOCK | KSWAPD.</summary>
    public const AllocFlags AtomicSlowPath = AllocFlags.WmarkMin | AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.Kswapd;

    public static IReadOnlyList<string> Variants { get; } = ["linux-7.2"];

    /// <summary>The policy points this theory's encoding reads.</summary>
    public static IReadOnlyList<PolicyPoint> EncodedPoints { get; } = [PolicyPoint.AtomicMinBoost];

    public string Name => "atomic-boost";

    public string Summary => "zone_watermark_fast's boost exception: a boost never fails order-0 GFP_ATOMIC at min while free exceeds 3/8 of the un-boosted min";

    public IReadOnlyList<TheoryQuery> Queries { get; } = [.. Variants.SelectMany(QueriesFor)];

    public static IReadOnlyList<TheoryQuery> QueriesFor(string variant)
    {
        var policy = VariantCatalog.Resolve(variant).AtomicMinBoost;
        var exempt = policy.IgnoresBoost(0, AtomicSlowPath);
        return
        [
            new("atomic-boost", $"{variant}.boost-spares-atomic-min", "alloc.atomic-reserve",
                $"{variant}: an order-0 GFP_ATOMIC check at WMARK_MIN (zone_watermark_fast) passes whenever free pages less CMA and free highatomic exceed 3/8 of the un-boosted min plus lowmem_reserve, for every boost",
                exempt ? SolverVerdict.Proved : SolverVerdict.Counterexample,
                exempt
                    ? "Since v5.9 (f80b08fc4453) order-0 __GFP_HIGH requests re-check the un-boosted min when the boosted one fails."
                    : "Before v5.9 the boost raised the min for atomic requests too: a fragmentation boost fails GFP_ATOMIC with the reserve intact.",
                () =>
                {
                    var x = WmarkFastEncoding.Order0(AtomicSlowPath);
                    var (rawMin, boost) = (T.IntVar("raw_min"), T.IntVar("watermark_boost"));
                    var usable = T.ISub(T.ISub(x.Free, x.FreeCma), x.FreeHighatomic);
                    var threshold = T.IAdd(WmarkCheckEncoding.ReservedMin(rawMin, x.Flags, "atomic_"), x.LowmemReserve);
                    return new SmtQuery($"{variant}.boost-spares-atomic-min", "an atomic request failed by the boost above the atomic threshold",
                        [x.Domain(), T.IInRange(rawMin, 0, WmarkCheckInputs.MaxPages), T.IInRange(boost, 0, WmarkCheckInputs.MaxPages), T.Eq(x.Mark, T.IAdd(rawMin, boost)),
                         T.IGt(usable, threshold), T.Not(WmarkFastEncoding.WatermarkFast(policy, AtomicSlowPath, x, rawMin, boost))],
                        [rawMin, boost, x.Mark, x.LowmemReserve, x.Free, x.FreeHighatomic, x.FreeCma], "QF_NIA");
                },
                o =>
                {
                    var (rawMin, boost, lr) = (o["raw_min"].AsSigned, o["watermark_boost"].AsSigned, o["lowmem_reserve"].AsSigned);
                    var (free, ha, cma) = (o["free_pages"].AsSigned, o["nr_free_highatomic"].AsSigned, o["nr_free_cma"].AsSigned);
                    var threshold = WatermarkCheck.ReservedMin(rawMin, AtomicSlowPath) + lr;
                    var ok = WatermarkCheck.WatermarkFast(new FreeAreaBits(0), 0, rawMin + boost, rawMin, boost, lr, AtomicSlowPath, free, ha, cma, policy);
                    return new ReplayResult(!ok && free - cma - ha > threshold,
                        $"model zone_watermark_fast: min {rawMin} + boost {boost}, {free} free ({ha} highatomic, {cma} CMA), threshold {threshold}: {(ok ? "passes" : "fails")}");
                }) { Variant = variant },
        ];
    }
}
