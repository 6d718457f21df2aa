using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Pbt;

/// <summary>
/// One generated workload: a concrete scenario (machine, phases, operations, counts, rates) and the seed
/// of the model's own random choices. Everything a run needs; a counterexample file stores exactly this.
/// </summary>
public sealed record WorkloadCase(Scenario Scenario, ulong SimSeed)
{
    /// <summary>Activities across all phases: the "operations" a shrunk counterexample has fewest of.</summary>
    public int Activities => Scenario.Workload.Phases.Sum(p => p.Activities.Count);

    /// <summary>A stable text key (equal cases, equal keys) used to share runs between properties.</summary>
    public string Key => $"{SimSeed}\n{ScenarioWriter.Write(Scenario)}";
}
