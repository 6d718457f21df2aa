using MmVerify.Engine.Smt;

namespace MmVerify.Specs.Theories.Encodings;

/// <summary>Shorthands for the kernel's integer idioms in 64-bit bit-vectors.</summary>
public static class Bv
{
    public static Term U(ulong v) => T.U64(v);

    public static Term Var(string name) => T.BvVar(name, 64);

    /// <summary>lo &lt;= x &lt;= hi, unsigned.</summary>
    public static Term InRange(Term x, ulong lo, ulong hi) => T.And(T.ULe(T.Bv(lo, x.Width), x), T.ULe(x, T.Bv(hi, x.Width)));

    // mirrors mult_frac(), include/linux/math.h: x * n / d as quot * n + rem * n / d, in unsigned 64 bits
    public static Term MultFrac(Term x, Term n, ulong d)
    {
        var dd = U(d);
        return T.Add(T.Mul(T.UDiv(x, dd), n), T.UDiv(T.Mul(T.URem(x, dd), n), dd));
    }

    /// <summary>x as a 128-bit value (exact products of 64-bit values).</summary>
    public static Term Wide(Term x) => T.ZeroExt(x, 128 - x.Width);

    public static Term Clamp(Term x, ulong lo, ulong hi) => T.UMin(T.UMax(x, U(lo)), U(hi));
}
