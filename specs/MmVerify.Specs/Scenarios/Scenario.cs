using MmVerify.Model.Workload;

namespace MmVerify.Specs.Scenarios;

/// <summary>
/// One scenario file, validated: the machine, its sysctls, the workload, the variants it applies to and
/// per-property parameters. Model types are used as they are, so a scenario adds no second vocabulary.
/// </summary>
public sealed record Scenario
{
    /// <summary>Kebab-case id; for the built-in catalog also the file name.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The seed document it comes from ("000" ...), if any.</summary>
    public string? SeedDocument { get; init; }

    public string? Description { get; init; }

    /// <summary>How many simulated seconds simulate runs by default.</summary>
    public required int DurationSeconds { get; init; }

    public required ScenarioMachine Machine { get; init; }

    public required ScenarioSysctls Sysctls { get; init; }

    public required WorkloadSpec Workload { get; init; }

    /// <summary>The variants the scenario applies to, as written (each resolves).</summary>
    public required IReadOnlyList<string> Variants { get; init; }

    /// <summary>Property id -> parameter name -> value, in file order; free-form for the properties to read.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Properties { get; init; }

    /// <summary>Where it was loaded from (for messages), or the name given to the parser.</summary>
    public string File { get; init; } = "";
}
