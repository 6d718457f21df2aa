using MmVerify.Engine.Properties;

namespace MmVerify.Specs.Gate;

/// <summary>One verdict of the gate, with its expectation.</summary>
public sealed record GateResult(
    string Scenario,
    string Variant,
    string Property,
    string Engine,
    Verdict Verdict,
    Expectation? Expected,
    string Reason,
    double? At,
    long Steps,
    ulong Seed,
    long ElapsedMs)
{
    /// <summary>The run that shows a violation, ready to be written as a counterexample file.</summary>
    public Counterexamples.Counterexample? Witness { get; init; }

    /// <summary>Where the counterexample was written, once it was.</summary>
    public string? CounterexampleFile { get; init; }

    /// <summary>As expected: equal to the recorded verdict, or, with none recorded, not violated.</summary>
    public bool AsExpected => Expected is { } e ? e.Verdict == Verdict : Verdict != Verdict.Violated;
}
