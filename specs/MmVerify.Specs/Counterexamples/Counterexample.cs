using MmVerify.Specs.Pbt;

namespace MmVerify.Specs.Counterexamples;

/// <summary>
/// A run that violates a property, with everything needed to run it again: the model version, the engine
/// that found it, the variant, the concrete workload (machine, sysctls, tasks and phases: the exact action
/// sequence) and the seed of the model's random choices, the run length, and where the property failed.
/// </summary>
public sealed record Counterexample
{
    public const string Schema = "mmverify-counterexample";

    public const int SchemaVersion = 1;

    public required string ModelVersion { get; init; }

    /// <summary>"sim" or "pbt" (explorer counterexamples, engine "explore", are an ExploreCounterexample).</summary>
    public required string Engine { get; init; }

    public required string Variant { get; init; }

    public required string Property { get; init; }

    public required WorkloadCase Case { get; init; }

    /// <summary>How many simulated seconds the run lasts (properties judge the whole run).</summary>
    public required double RunSeconds { get; init; }

    /// <summary>The step at which the property failed: the number of steps taken up to FailingTimeSeconds.</summary>
    public required long FailingStep { get; init; }

    public required double FailingTimeSeconds { get; init; }

    public required string Reason { get; init; }

    /// <summary>For PBT: how it was found (replay seed, tests, shrinks); null for other engines.</summary>
    public PbtProvenance? Pbt { get; init; }

    public string ScenarioId => Case.Scenario.Id;

    /// <summary>
    /// A run of the case that violated the property, as a counterexample of the current model. Finding its
    /// failing step costs a second run up to the failure time.
    /// </summary>
    public static Counterexample Of(string engine, string variant, string property, WorkloadCase c, double runSeconds, Gate.PropertyResult violation, PbtProvenance? pbt = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(violation);
        var at = violation.At ?? runSeconds;
        return new Counterexample
        {
            ModelVersion = Model.ModelVersion.Current,
            Engine = engine,
            Variant = variant,
            Property = property,
            Case = c,
            RunSeconds = runSeconds,
            FailingStep = Gate.ScenarioRunner.StepsUntil(c.Scenario, variant, c.SimSeed, runSeconds, at),
            FailingTimeSeconds = at,
            Reason = violation.Reason,
            Pbt = pbt,
        };
    }
}

/// <summary>How the PBT engine found a counterexample: `check --engine pbt --seed ReplaySeed` finds it again.</summary>
public sealed record PbtProvenance(ulong ReplaySeed, int Tests, int Shrinks, int ActivitiesBeforeShrinking);
