using MmVerify.Engine.Smt;
using Xunit.Abstractions;

namespace MmVerify.Specs.Tests.Theories;

/// <summary>
/// Runs an encoding and the model on the same random inputs: every input through the C# evaluator of the
/// terms (fast), and a sample through z3 itself, so that the evaluator cannot hide a difference between the
/// SMT text and the model. Any mismatch fails with the input.
/// </summary>
internal static class Differential
{
    public const int Inputs = 10_000;
    public const int Z3Sample = 250;

    public static void Check(
        ITestOutputHelper output,
        string name,
        IReadOnlyList<Term> terms,
        Func<Random, Dictionary<string, UInt128>> generate,
        Func<IReadOnlyDictionary<string, UInt128>, UInt128[]> model,
        int seed = 2026)
    {
        var rng = new Random(seed);
        var inputs = new List<IReadOnlyDictionary<string, UInt128>>(Inputs);
        for (var i = 0; i < Inputs; i++)
        {
            inputs.Add(generate(rng));
        }

        foreach (var input in inputs)
        {
            var expected = model(input);
            var ev = new TermEvaluator(input);
            for (var j = 0; j < terms.Count; j++)
            {
                var got = ev.Value(terms[j]);
                if (got != expected[j])
                {
                    Assert.Fail($"{name}: term {j} ({Short(terms[j])}) gives {got}, the model {expected[j]}, for {Show(input)}");
                }
            }
        }

        using var z3 = new Z3Session();
        var sample = inputs.Take(Z3Sample).ToList();
        var answers = z3.Evaluate(terms, sample);
        for (var i = 0; i < sample.Count; i++)
        {
            var ev = new TermEvaluator(sample[i]);
            for (var j = 0; j < terms.Count; j++)
            {
                if (answers[i][j].Bits != ev.Value(terms[j]))
                {
                    Assert.Fail($"{name}: z3 gives {answers[i][j]} for term {j}, the evaluator {ev.Value(terms[j])}, for {Show(sample[i])}");
                }
            }
        }

        output.WriteLine($"{name}: {Inputs} inputs agree with the model (evaluator), {sample.Count} of them also through z3");
    }

    public static UInt128 W64(long v) => unchecked((ulong)v);

    public static UInt128 W32(long v) => unchecked((uint)v);

    public static UInt128 Int(long v) => unchecked((UInt128)(Int128)v);

    public static UInt128 Bool(bool v) => v ? 1u : 0u;

    public static long Signed(UInt128 v) => (long)unchecked((Int128)v);

    /// <summary>Mostly log-uniform in 0..max, with the ends and small values often.</summary>
    public static ulong Spread(Random rng, ulong max, ulong min = 0)
    {
        var span = max - min;
        ulong v = rng.Next(8) switch
        {
            0 => 0UL,
            1 => span,
            2 => (ulong)rng.Next(0, 64),
            3 => span - (ulong)rng.Next(0, 64),
            _ => (ulong)rng.NextInt64() >> rng.Next(0, 63),
        };
        return min + (span == ulong.MaxValue ? v : v % (span + 1));
    }

    private static string Short(Term t)
    {
        var s = t.ToString();
        return s.Length > 60 ? s[..60] + "..." : s;
    }

    private static string Show(IReadOnlyDictionary<string, UInt128> input) =>
        string.Join(", ", input.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}
