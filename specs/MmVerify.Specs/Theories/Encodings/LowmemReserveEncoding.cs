using MmVerify.Engine.Smt;

namespace MmVerify.Specs.Theories.Encodings;

/// <summary>
/// One zone's lowmem_reserve[] against three zones above it, as exact integers: the sums are at most 3 x 2^40
/// pages, far from wrapping the kernel's unsigned long, so integer division is the kernel's.
/// </summary>
public sealed record LowmemReserveInputs(Term Ratio, Term ZoneManaged, Term Upper1, Term Upper2, Term Upper3)
{
    public static LowmemReserveInputs Vars() => new(
        T.IntVar("ratio"), T.IntVar("zone_managed"), T.IntVar("upper1_managed"), T.IntVar("upper2_managed"), T.IntVar("upper3_managed"));

    /// <summary>Any int ratio (the sysctl takes any; values below 1 clear the reserve), zones of 0..2^40 pages.</summary>
    public Term Domain() => T.And(
        T.IInRange(Ratio, int.MinValue, int.MaxValue),
        T.IInRange(ZoneManaged, 0, (Int128)WmarkSetupInputs.MaxZonePages),
        T.IInRange(Upper1, 0, (Int128)WmarkSetupInputs.MaxZonePages),
        T.IInRange(Upper2, 0, (Int128)WmarkSetupInputs.MaxZonePages),
        T.IInRange(Upper3, 0, (Int128)WmarkSetupInputs.MaxZonePages));
}

public static class LowmemReserveEncoding
{
    // mirrors setup_per_zone_lowmem_reserve(), mm/page_alloc.c, v7.2: reserve[j] = managed of zones i+1..j / ratio,
    // or 0 when the ratio is below 1 or the zone is empty
    public static IReadOnlyList<Term> Reserves(LowmemReserveInputs x)
    {
        var clear = T.Or(T.ILt(x.Ratio, T.Int(1)), T.Eq(x.ZoneManaged, T.Int(0)));
        var sums = new[] { x.Upper1, T.IAdd(x.Upper1, x.Upper2), T.IAdd(T.IAdd(x.Upper1, x.Upper2), x.Upper3) };
        return [.. sums.Select((s, j) => T.Define($"reserve_{j + 1}", T.Ite(clear, T.Int(0), T.IDiv(s, T.Ite(clear, T.Int(1), x.Ratio)))))];
    }
}
