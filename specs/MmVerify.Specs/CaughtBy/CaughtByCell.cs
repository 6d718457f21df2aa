using MmVerify.Engine.Properties;

namespace MmVerify.Specs.CaughtBy;

/// <summary>One judgement: a bug's verdict and the baseline's on one property, in one scenario (or query) of one engine.</summary>
public sealed record CaughtByJudgement(string Scenario, Verdict Bug, Verdict Baseline, string BugReason)
{
    public CaughtOutcome Outcome => CaughtOutcomes.Classify(Bug, Baseline);
}

/// <summary>A cell of the matrix: (bug, engine, property), with the judgements it combines.</summary>
public sealed record CaughtByCell(string Bug, string Engine, string Property, IReadOnlyList<CaughtByJudgement> Judgements, string? NotApplicableWhy = null)
{
    public CaughtOutcome Outcome => NotApplicableWhy is not null ? CaughtOutcome.NotApplicable : CaughtOutcomes.Combine(Judgements.Select(j => j.Outcome));

    /// <summary>The scenarios (or queries) in which the bug was caught.</summary>
    public IEnumerable<string> CaughtIn => Judgements.Where(j => j.Outcome == CaughtOutcome.Caught).Select(j => j.Scenario);
}
