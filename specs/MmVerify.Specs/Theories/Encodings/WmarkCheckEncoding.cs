using MmVerify.Engine.Smt;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;

namespace MmVerify.Specs.Theories.Encodings;

/// <summary>
/// The inputs of __zone_watermark_ok() as integers and booleans: order, mark, the zone's lowmem_reserve for the
/// classzone, the ALLOC_* bits, free pages, free highatomic and CMA pages, and which free lists are non-empty per
/// order and migratetype. Every value is at most 2^42 pages, so the kernel's signed long arithmetic on them
/// (sums and differences below 2^45) never wraps and exact integers are faithful.
/// </summary>
public sealed record WmarkCheckInputs(Term Order, Term Mark, Term LowmemReserve, IReadOnlyList<Term> Flags, Term Free, Term FreeHighatomic, Term FreeCma, IReadOnlyList<IReadOnlyList<Term>> Areas)
{
    public const int MaxPageOrder = 10;
    public const long MaxPages = 1L << 42;

    /// <summary>The ALLOC_* bits the model defines (ALLOC_WMARK_LOW .. ALLOC_KSWAPD).</summary>
    public const int FlagBits = 12;

    public static string FlagName(int bit) => "alloc_" + ((AllocFlags)(1u << bit)).ToString().ToLowerInvariant();

    public static WmarkCheckInputs Vars(string prefix = "") => new(
        T.IntVar(prefix + "order"), T.IntVar(prefix + "mark"), T.IntVar(prefix + "lowmem_reserve"),
        [.. Enumerable.Range(0, FlagBits).Select(b => T.BoolVar(prefix + FlagName(b)))],
        T.IntVar(prefix + "free_pages"), T.IntVar(prefix + "nr_free_highatomic"), T.IntVar(prefix + "nr_free_cma"),
        [.. Enumerable.Range(0, MaxPageOrder + 1).Select(o => (IReadOnlyList<Term>)[.. Enumerable.Range(0, MigrateTypes.Count).Select(t => T.BoolVar($"{prefix}area_{o}_{(MigrateType)t}"))])]);

    public Term Domain() => T.And(
        T.IInRange(Order, 0, MaxPageOrder),
        T.IInRange(Mark, 0, MaxPages),
        T.IInRange(LowmemReserve, 0, MaxPages),
        T.IInRange(Free, 0, MaxPages),
        T.IInRange(FreeHighatomic, 0, MaxPages),
        T.IInRange(FreeCma, 0, MaxPages));

    /// <summary>The same request with extra ALLOC_* bits set.</summary>
    public WmarkCheckInputs WithFlags(AllocFlags extra) =>
        this with { Flags = [.. Flags.Select((f, b) => ((uint)extra & (1u << b)) != 0 ? T.True : f)] };

    public IEnumerable<Term> AreaVars() => Areas.SelectMany(a => a);
}

public static class WmarkCheckEncoding
{
    /// <summary>Any of the given ALLOC_* bits is set.</summary>
    public static Term Has(IReadOnlyList<Term> flags, AllocFlags bits) =>
        T.Or([.. Enumerable.Range(0, WmarkCheckInputs.FlagBits).Where(b => ((uint)bits & (1u << b)) != 0).Select(b => flags[b])]);

    // mirrors the reserve reductions of __zone_watermark_ok(), mm/page_alloc.c, v7.2 (min -= min / 2 on a non-negative long)
    public static Term ReservedMin(Term mark, IReadOnlyList<Term> flags, string prefix)
    {
        var reserves = Has(flags, AllocMask.Reserves);
        var two = T.Int(2);
        var m1 = T.Define(prefix + "min_high", T.Ite(T.And(reserves, Has(flags, AllocFlags.MinReserve)), T.ISub(mark, T.IDiv(mark, two)), mark));
        var m2 = T.Define(prefix + "min_atomic", T.Ite(T.And(reserves, Has(flags, AllocFlags.MinReserve), Has(flags, AllocFlags.NonBlock)), T.ISub(m1, T.IDiv(m1, T.Int(4))), m1));
        return T.Define(prefix + "min_reserved", T.Ite(T.And(reserves, Has(flags, AllocFlags.Oom)), T.ISub(m2, T.IDiv(m2, two)), m2));
    }

    /// <summary>2^order for order 0..10.</summary>
    public static Term OrderPages(Term order)
    {
        var pages = T.Int(1 << WmarkCheckInputs.MaxPageOrder);
        for (var o = WmarkCheckInputs.MaxPageOrder - 1; o >= 0; o--)
        {
            pages = T.Ite(T.Eq(order, T.Int(o)), T.Int(1 << o), pages);
        }

        return pages;
    }

    // mirrors __zone_watermark_unusable_free(), mm/page_alloc.c, v7.2
    public static Term UnusableFree(WmarkCheckInputs x, string prefix)
    {
        var highatomic = T.Ite(Has(x.Flags, AllocMask.Reserves), T.Int(0), x.FreeHighatomic);
        var cma = T.Ite(Has(x.Flags, AllocFlags.Cma), T.Int(0), x.FreeCma);
        return T.Define(prefix + "unusable", T.IAdd(T.IAdd(T.ISub(OrderPages(x.Order), T.Int(1)), highatomic), cma));
    }

    /// <summary>The order-0 part: free pages less the unusable ones above the lowered mark plus lowmem_reserve.</summary>
    public static Term OrderZeroPasses(WmarkCheckInputs x, string prefix) =>
        T.Define(prefix + "order0_ok", T.IGt(T.ISub(x.Free, UnusableFree(x, prefix)), T.IAdd(ReservedMin(x.Mark, x.Flags, prefix), x.LowmemReserve)));

    /// <summary>The high-order loop: a non-empty free list of a type the request may use, at the requested order or above.</summary>
    public static Term SuitableBlock(WmarkCheckInputs x, string prefix)
    {
        var options = new List<Term>();
        for (var o = 0; o <= WmarkCheckInputs.MaxPageOrder; o++)
        {
            var a = x.Areas[o];
            var nrFree = T.Or([.. a]);
            var pcp = T.Or(a[(int)MigrateType.Unmovable], a[(int)MigrateType.Movable], a[(int)MigrateType.Reclaimable]);
            var cma = T.And(Has(x.Flags, AllocFlags.Cma), a[(int)MigrateType.Cma]);
            var highatomic = T.And(Has(x.Flags, AllocFlags.HighAtomic | AllocFlags.Oom), a[(int)MigrateType.HighAtomic]);
            options.Add(T.And(T.IGe(T.Int(o), x.Order), nrFree, T.Or(pcp, cma, highatomic)));
        }

        return T.Define(prefix + "block_ok", T.Or([.. options]));
    }

    // mirrors __zone_watermark_ok(), mm/page_alloc.c, v7.2
    public static Term WatermarkOk(WmarkCheckInputs x, string prefix = "") =>
        T.Define(prefix + "wmark_ok", T.And(OrderZeroPasses(x, prefix), T.Or(T.Eq(x.Order, T.Int(0)), SuitableBlock(x, prefix))));
}
