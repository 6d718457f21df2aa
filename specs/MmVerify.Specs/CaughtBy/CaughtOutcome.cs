using MmVerify.Engine.Properties;

namespace MmVerify.Specs.CaughtBy;

/// <summary>What one engine said about one property of a historical bug, against the linux-7.2 baseline.</summary>
public enum CaughtOutcome
{
    /// <summary>The bug violates the property where the baseline holds it.</summary>
    Caught,

    /// <summary>Bug and baseline both hold it.</summary>
    NotCaught,

    /// <summary>The baseline violates it too, so a violation says nothing about the bug.</summary>
    BaselineViolated,

    /// <summary>One of the two verdicts is unknown (window too short, search incomplete, solver unknown).</summary>
    Unknown,

    /// <summary>The engine has no model of what the bug changes (no world, no encoding of its policy point).</summary>
    NotApplicable,
}

/// <summary>The rule that turns two gate verdicts into an outcome, and the outcomes' names in reports.</summary>
public static class CaughtOutcomes
{
    public static CaughtOutcome Classify(Verdict bug, Verdict baseline) => (bug, baseline) switch
    {
        (Verdict.Unknown, _) or (_, Verdict.Unknown) => CaughtOutcome.Unknown,
        (_, Verdict.Violated) => CaughtOutcome.BaselineViolated,
        (Verdict.Violated, Verdict.Holds) => CaughtOutcome.Caught,
        _ => CaughtOutcome.NotCaught,
    };

    /// <summary>Several scenarios or queries judged the same property: the strongest outcome wins.</summary>
    public static CaughtOutcome Combine(IEnumerable<CaughtOutcome> outcomes)
    {
        var all = outcomes.ToArray();
        foreach (var o in new[] { CaughtOutcome.Caught, CaughtOutcome.NotCaught, CaughtOutcome.BaselineViolated, CaughtOutcome.Unknown })
        {
            if (all.Contains(o))
            {
                return o;
            }
        }

        return CaughtOutcome.NotApplicable;
    }

    public static string Name(CaughtOutcome o) => o switch
    {
        CaughtOutcome.Caught => "caught",
        CaughtOutcome.NotCaught => "not-caught",
        CaughtOutcome.BaselineViolated => "baseline-violated",
        CaughtOutcome.Unknown => "unknown",
        _ => "n/a",
    };
}
