namespace MmVerify.Specs.Pbt;

/// <summary>What the budgets mean for the PBT engine: generated workloads, and runs spent shrinking.</summary>
public sealed record PbtBudget(int MaxTests, int MaxShrinkRuns)
{
    public static PbtBudget For(string budget) => budget switch
    {
        "quick" => new PbtBudget(10, 20),
        "deep" => new PbtBudget(300, 1500),
        _ => new PbtBudget(25, 60),
    };
}
