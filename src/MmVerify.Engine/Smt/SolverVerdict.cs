namespace MmVerify.Engine.Smt;

/// <summary>What a query established. Unknown (timeout, watchdog, solver gave up) is never a proof.</summary>
public enum SolverVerdict
{
    Proved,
    Counterexample,
    Unknown,
}

/// <summary>A value of a counterexample: a bit-vector (unsigned), a boolean, or an integer (two's complement of an Int128).</summary>
public readonly record struct SmtValue(UInt128 Bits, int Width)
{
    public bool IsBool => Width == 0;

    public bool IsInt => Width == Term.IntWidth;

    public bool AsBool => Bits != 0;

    public Int128 AsInteger => IsInt ? unchecked((Int128)Bits) : (Int128)Bits;

    public ulong AsU64 => IsInt ? checked((ulong)AsInteger) : Width <= 64 ? (ulong)Bits : throw new InvalidOperationException("wider than 64 bits");

    public long AsSigned => IsInt ? checked((long)AsInteger) : (long)TermEvaluator.Signed(Bits, Width);

    public override string ToString() => IsBool ? (AsBool ? "true" : "false")
        : IsInt ? AsInteger.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The solver's answer to one query.</summary>
public sealed record SolverOutcome(SolverVerdict Verdict, IReadOnlyList<KeyValuePair<string, SmtValue>> Model, string? ReasonUnknown, long ElapsedMs)
{
    public SmtValue this[string name] => Model.First(kv => kv.Key == name).Value;

    public IReadOnlyDictionary<string, UInt128> Assignment() => Model.ToDictionary(kv => kv.Key, kv => kv.Value.Bits, StringComparer.Ordinal);
}
