using MmVerify.Engine.Smt;

namespace MmVerify.Engine.Tests.Smt;

/// <summary>The C# evaluator is the fast path of the differential tests; here it is checked against z3 itself.</summary>
public sealed class EvaluatorTests
{
    private static readonly Dictionary<string, UInt128> NoVars = [];

    [Theory]
    [InlineData("bvudiv", 7, 0, 8, 255)]
    [InlineData("bvurem", 7, 0, 8, 7)]
    [InlineData("bvsub", 0, 1, 8, 255)]
    [InlineData("bvshl", 1, 9, 8, 0)]
    public void Edge_cases_follow_SMT_LIB2(string op, int a, int b, int width, int expected)
    {
        var (x, y) = (T.Bv((UInt128)a, width), T.Bv((UInt128)b, width));
        var t = op switch
        {
            "bvudiv" => T.UDiv(x, y),
            "bvurem" => T.URem(x, y),
            "bvsub" => T.Sub(x, y),
            _ => T.Shl(x, y),
        };
        Assert.Equal((UInt128)expected, TermEvaluator.Eval(t, NoVars));
    }

    [Fact]
    public void Signed_operations_and_integer_division_round_as_the_standard_says()
    {
        Assert.Equal((UInt128)0xFE, TermEvaluator.Eval(T.SDiv(T.Bv(0xFB, 8), T.Bv(2, 8)), NoVars)); // -5 / 2 = -2
        Assert.Equal((UInt128)0xFD, TermEvaluator.Eval(T.AShr(T.Bv(0xFA, 8), T.Bv(1, 8)), NoVars)); // -6 >> 1 = -3
        Assert.Equal(-3, (long)unchecked((Int128)TermEvaluator.Eval(T.IDiv(T.Int(-5), T.Int(2)), NoVars))); // Euclidean
        Assert.Equal(1, (long)unchecked((Int128)TermEvaluator.Eval(T.IMod(T.Int(-5), T.Int(2)), NoVars)));
        Assert.True(TermEvaluator.EvalBool(T.SLt(T.Bv(0x80, 8), T.Bv(0x7F, 8)), NoVars));
    }

    [Fact]
    public void Random_terms_evaluate_as_z3_evaluates_them()
    {
        var a = T.BvVar("a", 64);
        var b = T.BvVar("b", 64);
        var c = T.BvVar("c", 32);
        var n = T.IntVar("n");
        Term[] terms =
        [
            T.Add(T.Mul(a, b), T.UDiv(a, b)),
            T.URem(a, T.Sub(b, T.U64(3))),
            T.SDiv(a, b),
            T.AShr(a, T.URem(b, T.U64(70))),
            T.LShr(a, T.URem(b, T.U64(70))),
            T.Shl(b, T.URem(a, T.U64(70))),
            T.Ite(T.SLt(a, b), T.Neg(a), T.BvOr(a, T.BvAnd(b, T.U64(0xFF00)))),
            T.SignExt(c, 32),
            T.Extract(T.Mul(T.ZeroExt(a, 64), T.ZeroExt(b, 64)), 127, 64),
            T.Bool(true),
            T.And(T.ULe(a, b), T.Not(T.SGe(T.SignExt(c, 32), b))),
            T.Implies(T.Eq(c, T.Truncate(a, 32)), T.UGt(a, b)),
            T.IAdd(T.IMul(n, n), T.IDiv(n, T.Int(7))),
            T.IMod(n, T.Int(13)),
        ];
        var rng = new Random(6);
        var samples = new List<IReadOnlyDictionary<string, UInt128>>();
        for (var i = 0; i < 300; i++)
        {
            samples.Add(new Dictionary<string, UInt128>
            {
                ["a"] = Pick(rng),
                ["b"] = Pick(rng),
                ["c"] = Pick(rng) & 0xFFFFFFFF,
                ["n"] = unchecked((UInt128)(Int128)rng.NextInt64(-(1L << 40), 1L << 40)),
            });
        }

        using var z3 = new Z3Session();
        var answers = z3.Evaluate(terms, samples);
        for (var i = 0; i < samples.Count; i++)
        {
            var ev = new TermEvaluator(samples[i]);
            for (var j = 0; j < terms.Length; j++)
            {
                Assert.True(answers[i][j].Bits == ev.Value(terms[j]), $"sample {i} term {terms[j]}: z3 {answers[i][j]}, evaluator {ev.Value(terms[j])}");
            }
        }
    }

    private static UInt128 Pick(Random rng) => rng.Next(4) switch
    {
        0 => (ulong)rng.Next(0, 8),
        1 => ulong.MaxValue - (ulong)rng.Next(0, 8),
        2 => (ulong)rng.NextInt64() >> rng.Next(0, 63),
        _ => (ulong)rng.NextInt64() | (1UL << 63),
    };
}
