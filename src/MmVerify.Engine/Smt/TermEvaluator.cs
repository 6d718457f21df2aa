namespace MmVerify.Engine.Smt;

/// <summary>
/// Evaluates a term under an assignment of its variables, with SMT-LIB2's semantics (wrapping arithmetic,
/// division by zero gives all ones, remainder by zero gives the dividend). Differential tests use it to run an
/// encoding on many inputs quickly; it is itself checked against z3 on samples.
/// </summary>
public sealed class TermEvaluator(IReadOnlyDictionary<string, UInt128> assignment)
{
    private readonly Dictionary<Term, UInt128> _memo = new(ReferenceEqualityComparer.Instance);

    public static UInt128 Eval(Term term, IReadOnlyDictionary<string, UInt128> assignment) => new TermEvaluator(assignment).Value(term);

    public static bool EvalBool(Term term, IReadOnlyDictionary<string, UInt128> assignment) => Eval(term, assignment) != 0;

    /// <summary>The value of a term: bit-vectors unsigned below 2^width, booleans 0 or 1.</summary>
    public UInt128 Value(Term t)
    {
        if (_memo.TryGetValue(t, out var cached))
        {
            return cached;
        }

        var v = Compute(t);
        _memo[t] = v;
        return v;
    }

    public bool Bool(Term t) => Value(t) != 0;

    private UInt128 Compute(Term t)
    {
        switch (t.Kind)
        {
            case TermKind.BvLiteral:
            case TermKind.BoolLiteral:
            case TermKind.IntLiteral:
                return t.Value;
            case TermKind.Var:
                return assignment.TryGetValue(t.Op, out var v)
                    ? (t.IsInt ? v : v & T.Mask(t.IsBool ? 1 : t.Width))
                    : throw new KeyNotFoundException($"no value for variable {t.Op}");
            case TermKind.Def:
                return Value(t.Body);
        }

        var w = t.Width;
        var mask = T.Mask(w == 0 ? 1 : w);
        switch (t.Op)
        {
            case "not": return Value(t.Args[0]) == 0 ? 1u : 0u;
            case "and": return t.Args.All(Bool) ? 1u : 0u;
            case "or": return t.Args.Any(Bool) ? 1u : 0u;
            case "=>": return !Bool(t.Args[0]) || Bool(t.Args[1]) ? 1u : 0u;
            case "=": return Value(t.Args[0]) == Value(t.Args[1]) ? 1u : 0u;
            case "ite": return Bool(t.Args[0]) ? Value(t.Args[1]) : Value(t.Args[2]);
        }

        if (t.Args[0].IsInt)
        {
            return Integer(t.Op, unchecked((Int128)Value(t.Args[0])), unchecked((Int128)Value(t.Args[1])));
        }

        var a = Value(t.Args[0]);
        var aw = t.Args[0].Width;
        switch (t.Op)
        {
            case "bvneg": return (UInt128.Zero - a) & mask;
            case "zero_extend": return a;
            case "sign_extend": return Signed(a, aw) < 0 ? (a | (T.Mask(w) & ~T.Mask(aw))) : a;
            case "extract": return (a >> t.Indices[1]) & mask;
        }

        var b = Value(t.Args[1]);
        return t.Op switch
        {
            "bvadd" => (a + b) & mask,
            "bvsub" => (a - b) & mask,
            "bvmul" => (a * b) & mask,
            "bvudiv" => b == 0 ? mask : a / b,
            "bvurem" => b == 0 ? a : a % b,
            "bvsdiv" => SDiv(a, b, aw),
            "bvshl" => b >= (UInt128)aw ? 0 : (a << (int)b) & mask,
            "bvlshr" => b >= (UInt128)aw ? 0 : a >> (int)b,
            "bvashr" => AShr(a, b, aw),
            "bvand" => a & b,
            "bvor" => a | b,
            "bvule" => a <= b ? 1u : 0u,
            "bvult" => a < b ? 1u : 0u,
            "bvuge" => a >= b ? 1u : 0u,
            "bvugt" => a > b ? 1u : 0u,
            "bvsle" => Signed(a, aw) <= Signed(b, aw) ? 1u : 0u,
            "bvslt" => Signed(a, aw) < Signed(b, aw) ? 1u : 0u,
            "bvsge" => Signed(a, aw) >= Signed(b, aw) ? 1u : 0u,
            "bvsgt" => Signed(a, aw) > Signed(b, aw) ? 1u : 0u,
            _ => throw new NotSupportedException($"the evaluator does not know {t.Op}"),
        };
    }

    // Exact integer arithmetic within Int128 (checked: an overflow is an error, not a wrong answer).
    private static UInt128 Integer(string op, Int128 a, Int128 b)
    {
        static UInt128 I(Int128 v) => unchecked((UInt128)v);
        static UInt128 B(bool v) => v ? 1u : 0u;
        return op switch
        {
            "+" => I(checked(a + b)),
            "-" => I(checked(a - b)),
            "*" => I(checked(a * b)),
            "div" => I(EuclidDiv(a, b)),
            "mod" => I(checked(a - (b * EuclidDiv(a, b)))),
            "<=" => B(a <= b),
            "<" => B(a < b),
            ">=" => B(a >= b),
            ">" => B(a > b),
            _ => throw new NotSupportedException($"the evaluator does not know {op} on integers"),
        };
    }

    // SMT-LIB div: the remainder is always non-negative. Division by zero is unspecified there; the encodings never divide by zero.
    private static Int128 EuclidDiv(Int128 a, Int128 b)
    {
        if (b == 0)
        {
            throw new DivideByZeroException("integer division by zero in an encoding");
        }

        var q = a / b;
        var r = a - (q * b);
        return r >= 0 ? q : (b > 0 ? q - 1 : q + 1);
    }

    /// <summary>The two's-complement reading of a value of the given width (widths up to 127 bits fit Int128 exactly).</summary>
    public static Int128 Signed(UInt128 value, int width)
    {
        if (width >= 128)
        {
            return unchecked((Int128)value);
        }

        var sign = UInt128.One << (width - 1);
        return (value & sign) != 0 ? (Int128)value - ((Int128)1 << width) : (Int128)value;
    }

    private static UInt128 FromSigned(Int128 value, int width) => unchecked((UInt128)value) & T.Mask(width);

    // SMT-LIB2 bvsdiv: truncating division of the two's-complement values; by zero: -1 for a >= 0, 1 for a < 0.
    private static UInt128 SDiv(UInt128 a, UInt128 b, int width)
    {
        var sa = Signed(a, width);
        var sb = Signed(b, width);
        if (sb == 0)
        {
            return FromSigned(sa >= 0 ? -1 : 1, width);
        }

        return FromSigned(sa / sb, width);
    }

    private static UInt128 AShr(UInt128 a, UInt128 b, int width)
    {
        var s = Signed(a, width);
        var shift = b >= (UInt128)width ? width - 1 : (int)b;
        return FromSigned(s >> shift, width);
    }
}
