using MmVerify.Engine.Properties;

namespace MmVerify.Specs.Gate;

/// <summary>
/// The expected verdict of one (scenario, variant, property), with its evidence ([E] shown in a thread, [I]
/// inferred) and reason; Finding records why the expectation was corrected when the model disagreed.
/// Form says which form of the scenario it is about: "full" (simulation), "small" (PBT) or "explore" (the
/// explicit-state world the explorer derives from the small form, whose verdicts can differ from PBT's: it
/// judges liveness over infinite fair runs where PBT judges bounded windows).
/// </summary>
public sealed record Expectation(string Scenario, string Variant, string Property, Verdict Verdict, string Evidence, string Reason, string? Finding = null, string Form = Expectation.Full)
{
    public const string Full = "full";

    public const string Small = "small";

    public const string Explore = "explore";
}
