namespace MmVerify.Engine.Smt;

/// <summary>What a query established. Unknown (timeout, watchdog, solver gave up) is never a proof.</summary>
public enum SolverVerdict
{
    Proved,
    Counterexample,
    Unknown,
}

/// <summary>A value of a counterexample: a bit-vector (unsigned) or a boolean.</summary>
public readonly record struct SmtValue(UInt128 Bits, int Width)
{
    public bool IsBool => Width == 0;

    public bool AsBool => Bits != 0;

    public ulong AsU64 => Width <= 64 ? (ulong)Bits : throw new InvalidOperationException("wider than 64 bits");

    public long AsSigned => (long)TermEvaluator.Signed(Bits, Width);

    public override string ToString() => IsBool ? (AsBool ? "true" : "false") : Bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The solver's answer to one query.</summary>
public sealed record SolverOutcome(SolverVerdict Verdict, IReadOnlyList<KeyValuePair<string, SmtValue>> Model, string? ReasonUnknown, long ElapsedMs)
{
    public SmtValue this[string name] => Model.First(kv => kv.Key == name).Value;

    public IReadOnlyDictionary<string, UInt128> Assignment() => Model.ToDictionary(kv => kv.Key, kv => kv.Value.Bits, StringComparer.Ordinal);
}
