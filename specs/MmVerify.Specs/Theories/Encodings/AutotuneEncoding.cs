using MmVerify.Engine.Smt;

namespace MmVerify.Specs.Theories.Encodings;

/// <summary>The seed-002 auto-tuning arithmetic: v1 in C int, v2's raise and decay as the model computes them (64-bit).</summary>
public static class AutotuneEncoding
{
    public const ulong MaxRamPages = 1UL << 40;

    public static Term Int32(long v) => T.BvSigned(v, 32);

    /// <summary>total_kbytes / 100 in unsigned long (64-bit), the cap the patch means.</summary>
    public static Term TrueCap(Term totalramPages) => T.UDiv(T.Shl(totalramPages, Bv.U(2)), Bv.U(100));

    // mirrors boost_min_free_kbytes_workfn() of the v1 patch (seed 002): int new_min = min_free_kbytes * 2 (wraps
    // under the kernel's -fno-strict-overflow), int max_limit = total_kbytes / 100 (truncated to 32 bits)
    public static Term V1Next(Term minFreeKbytes, Term totalramPages)
    {
        var maxLimit = T.Define("max_limit", T.Truncate(TrueCap(totalramPages), 32));
        var doubled = T.Define("new_min", T.Mul(minFreeKbytes, Int32(2)));
        var capped = T.Define("new_min_capped", T.Ite(T.SGt(doubled, maxLimit), maxLimit, doubled));
        return T.Define("v1_result", T.Ite(T.SGt(capped, minFreeKbytes), capped, minFreeKbytes));
    }

    /// <summary>The v2 raise as the model computes it: min(cur * 3 / 2, total_kbytes / 100), signed 64-bit.</summary>
    public static Term V2Raise(Term cur, Term totalKbytes) =>
        T.Define("v2_raised", T.SMin(T.SDiv(T.Mul(cur, Bv.U(3)), Bv.U(2)), T.SDiv(totalKbytes, Bv.U(100))));

    /// <summary>The v2 decay as the model computes it: max(cur * 95 / 100, initial * 12 / 10), signed 64-bit.</summary>
    public static Term V2Decay(Term cur, Term initial) =>
        T.Define("v2_decayed", T.SMax(T.SDiv(T.Mul(cur, Bv.U(95)), Bv.U(100)), V2Floor(initial)));

    public static Term V2Floor(Term initial) => T.Define("v2_floor", T.SDiv(T.Mul(initial, Bv.U(12)), Bv.U(10)));
}

/// <summary>The v2/v3 debounce on unsigned long jiffies of 32 or 64 bits.</summary>
public static class DebounceEncoding
{
    /// <summary>HZ is one of the kernel's usual choices.</summary>
    public static Term HzDomain(Term hz) => T.Or([.. new ulong[] { 100, 250, 300, 1000 }.Select(h => T.Eq(hz, T.Bv(h, hz.Width)))]);

    // mirrors time_after(), include/linux/jiffies.h: (long)(b - a) < 0
    public static Term TimeAfter(Term a, Term b) => T.SLt(T.Sub(b, a), T.Bv(0, a.Width));

    // the debounce of v2/v3: time_after(now, last + msecs_to_jiffies(10000)), msecs_to_jiffies(10000) = 10 * HZ
    public static Term Allows(Term now, Term last, Term hz) => TimeAfter(now, T.Add(last, T.Mul(hz, T.Bv(10, hz.Width))));

    /// <summary>INITIAL_JIFFIES as -300 * HZ in the jiffies width (the model's reading; on 32-bit also the kernel's).</summary>
    public static Term InitialJiffies(Term hz) => T.Neg(T.Mul(hz, T.Bv(300, hz.Width)));

    /// <summary>INITIAL_JIFFIES as (unsigned long)(unsigned int)(-300 * HZ): the 64-bit reading of include/linux/jiffies.h.</summary>
    public static Term InitialJiffiesViaUInt(Term hz64) => T.ZeroExt(T.Neg(T.Mul(T.Truncate(hz64, 32), T.Bv(300, 32))), 32);
}
