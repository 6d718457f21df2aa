namespace MmVerify.Engine.Pbt;

/// <summary>
/// What a PBT run found. On failure, Counterexample is the shrunk case and Failure why it fails; the
/// first failing case is kept too, so a reader sees how much shrinking removed.
/// </summary>
public sealed record PbtOutcome<TCase, TFailure>(
    int Tests,
    int Shrinks,
    long Evaluations,
    TCase? FirstFailing,
    TCase? Counterexample,
    TFailure? Failure,
    double SecondsToFirstFailure,
    double Seconds,
    bool ShrinkBudgetExhausted)
    where TCase : class
    where TFailure : class
{
    public bool Failed => Counterexample is not null;
}
