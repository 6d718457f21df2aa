using MmVerify.Engine.Smt;

namespace MmVerify.Specs.Theories;

/// <summary>The outcome of one theory query: the solver's verdict, the replay of its counterexample, the saved script.</summary>
public sealed record ProofResult(
    TheoryQuery Query,
    SolverVerdict Verdict,
    IReadOnlyList<KeyValuePair<string, SmtValue>> Model,
    bool ConfirmedOnModel,
    string? Note,
    string Smt2Path,
    long ElapsedMs)
{
    /// <summary>
    /// The verdict the specification expects. An expected counterexample counts only when the model
    /// reproduces it; unknown is never as expected.
    /// </summary>
    public bool AsExpected => Verdict == Query.Expected && (Verdict != SolverVerdict.Counterexample || ConfirmedOnModel);
}
