using MmVerify.Engine.Smt;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Watermarks;
using MmVerify.Specs.Theories.Encodings;

namespace MmVerify.Specs.Theories;

/// <summary>wmark-check: __zone_watermark_ok() for every order, alloc-flag combination, mark and free-list shape.</summary>
public sealed class WmarkCheckTheory : ITheory
{
    public string Name => "wmark-check";

    public string Summary => "__zone_watermark_ok for every order, alloc-flag set, mark and free-list shape: monotone, reserve fractions, high-order blocks";

    public IReadOnlyList<TheoryQuery> Queries { get; } =
    [
        new("wmark-check", "monotone-in-free", "wmark.check-monotone",
            "more free pages never turn a passing check into a failing one (every order, flag set, mark, reserve and free-list shape)",
            SolverVerdict.Proved,
            "free_pages enters only through one signed comparison; the free-list part does not read it.",
            () =>
            {
                var x = WmarkCheckInputs.Vars();
                var more = T.IntVar("free_pages_more");
                var y = x with { Free = more };
                return new SmtQuery("monotone-in-free", "a check that passes with free_pages and fails with more",
                    [x.Domain(), T.IInRange(more, 0, WmarkCheckInputs.MaxPages), T.ILe(x.Free, more),
                     WmarkCheckEncoding.WatermarkOk(x, "a_"), T.Not(WmarkCheckEncoding.WatermarkOk(y, "b_"))],
                    [.. Observed(x), more], Logic);
            },
            o =>
            {
                var (order, mark, lr, flags, free, ha, cma, areas) = Read(o);
                var more = o["free_pages_more"].AsSigned;
                var a = ModelCheckCalls.WatermarkOk(order, mark, lr, flags, free, ha, cma, areas);
                var b = ModelCheckCalls.WatermarkOk(order, mark, lr, flags, more, ha, cma, areas);
                return new ReplayResult(a && !b, $"model: {free} free pages {(a ? "pass" : "fail")}, {more} {(b ? "pass" : "fail")}");
            }),
        new("wmark-check", "reserve-fractions", "alloc.atomic-reserve",
            "the lowered mark: ALLOC_MIN_RESERVE gets half of it, GFP_ATOMIC (with ALLOC_NON_BLOCK) 3/8 +- rounding, ALLOC_OOM half again, never below 3/16, never above the mark",
            SolverVerdict.Proved,
            "min -= min/2; min -= min/4 for non-blocking; min -= min/2 for OOM victims (KERNEL.md 3.2).",
            () =>
            {
                var x = WmarkCheckInputs.Vars();
                var rm = WmarkCheckEncoding.ReservedMin(x.Mark, x.Flags, string.Empty);
                var m = x.Mark;
                var high = WmarkCheckEncoding.Has(x.Flags, AllocFlags.MinReserve);
                var nonBlock = WmarkCheckEncoding.Has(x.Flags, AllocFlags.NonBlock);
                var oom = WmarkCheckEncoding.Has(x.Flags, AllocFlags.Oom);
                static Term K(long v, Term t) => T.IMul(T.Int(v), t);
                var ok = T.And(
                    T.ILe(rm, m),
                    T.IGe(K(16, rm), K(3, m)),
                    T.Implies(T.And(T.Not(high), T.Not(oom)), T.Eq(rm, m)),
                    T.Implies(T.And(high, T.Not(nonBlock), T.Not(oom)), T.And(T.IGe(K(2, rm), m), T.ILe(K(2, rm), T.IAdd(m, T.Int(1))))),
                    T.Implies(T.And(high, nonBlock, T.Not(oom)), T.And(T.IGe(K(8, rm), K(3, m)), T.ILe(K(8, rm), T.IAdd(K(3, m), T.Int(9))))));
                return new SmtQuery("reserve-fractions", "a mark lowered by other than the kernel's fractions", [x.Domain(), T.Not(ok)], [x.Mark, .. x.Flags], Logic);
            },
            o =>
            {
                var mark = o["mark"].AsSigned;
                var flags = Flags(o);
                var rm = WatermarkCheck.ReservedMin(mark, flags);
                return new ReplayResult(rm > mark || 16 * rm < 3 * mark, $"model ReservedMin({mark}, {flags}) = {rm}");
            }),
        new("wmark-check", "reserve-rights-monotone", "alloc.atomic-reserve",
            "adding GFP_ATOMIC's rights (ALLOC_MIN_RESERVE | ALLOC_NON_BLOCK) never turns a passing check into a failing one",
            SolverVerdict.Proved,
            "The rights lower the mark and make free highatomic pages usable; they never remove a usable free list.",
            () =>
            {
                var x = WmarkCheckInputs.Vars();
                var atomic = x.WithFlags(AllocFlags.MinReserve | AllocFlags.NonBlock);
                return new SmtQuery("reserve-rights-monotone", "a check that passes without the atomic rights and fails with them",
                    [x.Domain(), WmarkCheckEncoding.WatermarkOk(x, "a_"), T.Not(WmarkCheckEncoding.WatermarkOk(atomic, "b_"))], Observed(x), Logic);
            },
            o =>
            {
                var (order, mark, lr, flags, free, ha, cma, areas) = Read(o);
                var a = ModelCheckCalls.WatermarkOk(order, mark, lr, flags, free, ha, cma, areas);
                var b = ModelCheckCalls.WatermarkOk(order, mark, lr, flags | AllocFlags.MinReserve | AllocFlags.NonBlock, free, ha, cma, areas);
                return new ReplayResult(a && !b, $"model: without rights {(a ? "pass" : "fail")}, with {(b ? "pass" : "fail")}");
            }),
        new("wmark-check", "high-order-needs-block", "wmark.check-monotone",
            "a passing order > 0 check implies the order-0 test passed and a free block of a usable type exists at that order or above",
            SolverVerdict.Proved,
            "The high-order loop only accepts a non-empty free list of a pcp type, of CMA with ALLOC_CMA, of HIGHATOMIC with ALLOC_HIGHATOMIC or ALLOC_OOM.",
            () =>
            {
                var x = WmarkCheckInputs.Vars();
                var ok = WmarkCheckEncoding.WatermarkOk(x);
                var unusable = T.IAdd(T.ISub(WmarkCheckEncoding.OrderPages(x.Order), T.Int(1)),
                    T.IAdd(T.Ite(WmarkCheckEncoding.Has(x.Flags, AllocMask.Reserves), T.Int(0), x.FreeHighatomic), T.Ite(WmarkCheckEncoding.Has(x.Flags, AllocFlags.Cma), T.Int(0), x.FreeCma)));
                var order0 = T.IGt(T.ISub(x.Free, unusable), T.IAdd(WmarkCheckEncoding.ReservedMin(x.Mark, x.Flags, "spec_"), x.LowmemReserve));
                var block = T.Or([.. Enumerable.Range(0, WmarkCheckInputs.MaxPageOrder + 1).SelectMany(o =>
                    new[]
                    {
                        T.And(T.IGe(T.Int(o), x.Order), T.Or(x.Areas[o][0], x.Areas[o][1], x.Areas[o][2])),
                        T.And(T.IGe(T.Int(o), x.Order), WmarkCheckEncoding.Has(x.Flags, AllocFlags.Cma), x.Areas[o][(int)MigrateType.Cma]),
                        T.And(T.IGe(T.Int(o), x.Order), WmarkCheckEncoding.Has(x.Flags, AllocFlags.HighAtomic | AllocFlags.Oom), x.Areas[o][(int)MigrateType.HighAtomic]),
                    })]);
                return new SmtQuery("high-order-needs-block", "an order > 0 pass without the order-0 test or without a usable block",
                    [x.Domain(), T.IGt(x.Order, T.Int(0)), ok, T.Not(T.And(order0, block))], Observed(x), Logic);
            },
            o =>
            {
                var (order, mark, lr, flags, free, ha, cma, areas) = Read(o);
                var ok = ModelCheckCalls.WatermarkOk(order, mark, lr, flags, free, ha, cma, areas);
                return new ReplayResult(ok, $"model check {(ok ? "passes" : "fails")} at order {order}");
            }),
    ];

    /// <summary>Integers and booleans only, and divisions by constants: z3's non-linear integer tactic decides these at once.</summary>
    private const string Logic = "QF_NIA";

    private static Term[] Observed(WmarkCheckInputs x) =>
        [x.Order, x.Mark, x.LowmemReserve, .. x.Flags, x.Free, x.FreeHighatomic, x.FreeCma, .. x.AreaVars()];

    public static AllocFlags Flags(SolverOutcome o)
    {
        var flags = AllocFlags.None;
        for (var b = 0; b < WmarkCheckInputs.FlagBits; b++)
        {
            if (o.Model.Any(kv => kv.Key == WmarkCheckInputs.FlagName(b)) && o[WmarkCheckInputs.FlagName(b)].AsBool)
            {
                flags |= (AllocFlags)(1u << b);
            }
        }

        return flags;
    }

    private static (int Order, long Mark, long Lr, AllocFlags Flags, long Free, long Ha, long Cma, UInt128 Areas) Read(SolverOutcome o)
    {
        UInt128 areas = 0;
        for (var order = 0; order <= WmarkCheckInputs.MaxPageOrder; order++)
        {
            for (var t = 0; t < MigrateTypes.Count; t++)
            {
                if (o[$"area_{order}_{(MigrateType)t}"].AsBool)
                {
                    areas |= UInt128.One << FreeAreaBits.Bit(order, (MigrateType)t);
                }
            }
        }

        return ((int)o["order"].AsSigned, o["mark"].AsSigned, o["lowmem_reserve"].AsSigned, Flags(o),
            o["free_pages"].AsSigned, o["nr_free_highatomic"].AsSigned, o["nr_free_cma"].AsSigned, areas);
    }
}
