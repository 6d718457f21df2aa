namespace MmVerify.Engine.Smt;

/// <summary>Builds SMT-LIB2 terms (QF_BV): literals, variables, bit-vector arithmetic and boolean connectives.</summary>
public static class T
{
    public static Term True { get; } = new(TermKind.BoolLiteral, 0, "true", [], 1);

    public static Term False { get; } = new(TermKind.BoolLiteral, 0, "false", [], 0);

    public static Term Bool(bool value) => value ? True : False;

    public static Term BoolVar(string name) => new(TermKind.Var, 0, CheckName(name), []);

    public static Term BvVar(string name, int width) => new(TermKind.Var, CheckWidth(width), CheckName(name), []);

    /// <summary>A variable of the same sort as <paramref name="like"/>.</summary>
    public static Term VarLike(string name, Term like) => new(TermKind.Var, like.Width, CheckName(name), []);

    public static Term Bv(UInt128 value, int width) => new(TermKind.BvLiteral, CheckWidth(width), "bv", [], value & Mask(width));

    /// <summary>A signed value as a two's-complement bit-vector literal.</summary>
    public static Term BvSigned(long value, int width) => Bv(unchecked((UInt128)(Int128)value), width);

    public static Term U64(ulong value) => Bv(value, 64);

    public static Term U32(ulong value) => Bv(value, 32);

    public static Term IntVar(string name) => new(TermKind.Var, Term.IntWidth, CheckName(name), []);

    public static Term Int(Int128 value) => new(TermKind.IntLiteral, Term.IntWidth, "int", [], unchecked((UInt128)value));

    /// <summary>2^bits as an integer literal.</summary>
    public static Term Pow2(int bits) => Int((Int128)1 << bits);

    // Integer arithmetic (exact). div and mod are SMT-LIB's (Euclidean); the encodings use them only on
    // non-negative values with positive divisors, where they agree with C's / and %.
    public static Term IAdd(Term a, Term b) => IBin("+", a, b);

    public static Term ISub(Term a, Term b) => IBin("-", a, b);

    public static Term IMul(Term a, Term b) => IBin("*", a, b);

    public static Term IDiv(Term a, Term b) => IBin("div", a, b);

    public static Term IMod(Term a, Term b) => IBin("mod", a, b);

    public static Term ILe(Term a, Term b) => ICmp("<=", a, b);

    public static Term ILt(Term a, Term b) => ICmp("<", a, b);

    public static Term IGe(Term a, Term b) => ICmp(">=", a, b);

    public static Term IGt(Term a, Term b) => ICmp(">", a, b);

    public static Term IMin(Term a, Term b) => Ite(ILe(a, b), a, b);

    public static Term IMax(Term a, Term b) => Ite(IGe(a, b), a, b);

    public static Term IInRange(Term x, Int128 lo, Int128 hi) => And(ILe(Int(lo), x), ILe(x, Int(hi)));

    public static Term Define(string name, Term body) => new(TermKind.Def, body.Width, CheckName(name), [body]);

    // Bit-vector arithmetic (wrapping, as SMT-LIB2 defines it).
    public static Term Add(Term a, Term b) => Bin("bvadd", a, b);

    public static Term Sub(Term a, Term b) => Bin("bvsub", a, b);

    public static Term Mul(Term a, Term b) => Bin("bvmul", a, b);

    public static Term UDiv(Term a, Term b) => Bin("bvudiv", a, b);

    public static Term URem(Term a, Term b) => Bin("bvurem", a, b);

    /// <summary>Signed division truncating toward zero, as C's / on signed integers.</summary>
    public static Term SDiv(Term a, Term b) => Bin("bvsdiv", a, b);

    public static Term Shl(Term a, Term b) => Bin("bvshl", a, b);

    public static Term LShr(Term a, Term b) => Bin("bvlshr", a, b);

    public static Term AShr(Term a, Term b) => Bin("bvashr", a, b);

    public static Term BvAnd(Term a, Term b) => Bin("bvand", a, b);

    public static Term BvOr(Term a, Term b) => Bin("bvor", a, b);

    public static Term Neg(Term a) => new(TermKind.App, a.Width, "bvneg", [RequireBv(a)]);

    // Comparisons.
    public static Term ULe(Term a, Term b) => Cmp("bvule", a, b);

    public static Term ULt(Term a, Term b) => Cmp("bvult", a, b);

    public static Term UGe(Term a, Term b) => Cmp("bvuge", a, b);

    public static Term UGt(Term a, Term b) => Cmp("bvugt", a, b);

    public static Term SLe(Term a, Term b) => Cmp("bvsle", a, b);

    public static Term SLt(Term a, Term b) => Cmp("bvslt", a, b);

    public static Term SGe(Term a, Term b) => Cmp("bvsge", a, b);

    public static Term SGt(Term a, Term b) => Cmp("bvsgt", a, b);

    public static Term Eq(Term a, Term b)
    {
        SameSort(a, b);
        return new(TermKind.App, 0, "=", [a, b]);
    }

    public static Term Distinct(Term a, Term b) => Not(Eq(a, b));

    // Boolean connectives.
    public static Term Not(Term a) => new(TermKind.App, 0, "not", [RequireBool(a)]);

    public static Term And(params Term[] args) => args.Length switch
    {
        0 => True,
        1 => RequireBool(args[0]),
        _ => new(TermKind.App, 0, "and", [.. args.Select(RequireBool)]),
    };

    public static Term Or(params Term[] args) => args.Length switch
    {
        0 => False,
        1 => RequireBool(args[0]),
        _ => new(TermKind.App, 0, "or", [.. args.Select(RequireBool)]),
    };

    public static Term Implies(Term a, Term b) => new(TermKind.App, 0, "=>", [RequireBool(a), RequireBool(b)]);

    public static Term Ite(Term c, Term then, Term otherwise)
    {
        SameSort(then, otherwise);
        return new(TermKind.App, then.Width, "ite", [RequireBool(c), then, otherwise]);
    }

    public static Term UMin(Term a, Term b) => Ite(ULe(a, b), a, b);

    public static Term UMax(Term a, Term b) => Ite(UGe(a, b), a, b);

    public static Term SMin(Term a, Term b) => Ite(SLe(a, b), a, b);

    public static Term SMax(Term a, Term b) => Ite(SGe(a, b), a, b);

    // Width changes.
    public static Term ZeroExt(Term a, int extra) => extra == 0 ? a : new(TermKind.App, CheckWidth(a.Width + extra), "zero_extend", [RequireBv(a)], indices: [extra]);

    public static Term SignExt(Term a, int extra) => extra == 0 ? a : new(TermKind.App, CheckWidth(a.Width + extra), "sign_extend", [RequireBv(a)], indices: [extra]);

    public static Term Extract(Term a, int hi, int lo)
    {
        RequireBv(a);
        if (lo < 0 || hi < lo || hi >= a.Width)
        {
            throw new ArgumentOutOfRangeException(nameof(hi), $"extract {hi}..{lo} of a {a.Width}-bit term");
        }

        return new(TermKind.App, hi - lo + 1, "extract", [a], indices: [hi, lo]);
    }

    /// <summary>The low <paramref name="width"/> bits (C's conversion to a narrower unsigned type).</summary>
    public static Term Truncate(Term a, int width) => width == a.Width ? a : Extract(a, width - 1, 0);

    public static UInt128 Mask(int width) => width >= 128 ? UInt128.MaxValue : (UInt128.One << width) - 1;

    private static Term IBin(string op, Term a, Term b)
    {
        RequireInt(a);
        RequireInt(b);
        return new(TermKind.App, Term.IntWidth, op, [a, b]);
    }

    private static Term ICmp(string op, Term a, Term b)
    {
        RequireInt(a);
        RequireInt(b);
        return new(TermKind.App, 0, op, [a, b]);
    }

    private static Term RequireInt(Term a) => a.IsInt ? a : throw new ArgumentException($"expected Int, got {a}");

    private static Term Bin(string op, Term a, Term b)
    {
        RequireBv(a);
        SameSort(a, b);
        return new(TermKind.App, a.Width, op, [a, b]);
    }

    private static Term Cmp(string op, Term a, Term b)
    {
        RequireBv(a);
        SameSort(a, b);
        return new(TermKind.App, 0, op, [a, b]);
    }

    private static Term RequireBool(Term a) => a.IsBool ? a : throw new ArgumentException($"expected Bool, got a {a.Width}-bit term: {a}");

    private static Term RequireBv(Term a) => a.IsBv ? a : throw new ArgumentException($"expected a bit-vector: {a}");

    private static void SameSort(Term a, Term b)
    {
        if (a.Width != b.Width)
        {
            throw new ArgumentException($"sort mismatch: {a.Width} vs {b.Width} bits ({a} vs {b})");
        }
    }

    private static int CheckWidth(int width) => width is >= 1 and <= 128 ? width : throw new ArgumentOutOfRangeException(nameof(width), "bit-vector widths are 1..128");

    private static string CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '@' or '-' or '!')) || char.IsAsciiDigit(name[0]))
        {
            throw new ArgumentException($"'{name}' is not a simple SMT-LIB2 symbol", nameof(name));
        }

        return name;
    }
}
