using System.Diagnostics;
using MmVerify.Engine.Pbt;
using MmVerify.Engine.Properties;
using MmVerify.Specs.Counterexamples;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Pbt;

/// <summary>
/// The PBT engine of the gate: for each small form of a scenario, variant and property, FsCheck generates
/// workloads from the scenario's phases, runs each on the model with the invariants watching, judges the
/// property, and shrinks a failing workload to a minimal one. "holds" means no counterexample among the
/// budget's workloads; a property that no run could judge (too short for its window) is "unknown".
/// </summary>
public static class PbtGate
{
    public const string Engine = "pbt";

    public static string SmallFormDirectory => Path.Combine(ScenarioCatalog.BuiltInDirectory, "small");

    public static ScenarioCatalog SmallForms => new(SmallFormDirectory);

    public static IEnumerable<GateResult> Run(GateRequest request, IEnumerable<Scenario> smallForms, ExpectationSet expectations, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(smallForms);
        ArgumentNullException.ThrowIfNull(expectations);
        var budget = PbtBudget.For(request.Budget);
        var jobs = smallForms.SelectMany(s => (request.Variants.Count == 0 ? s.Variants : request.Variants).Select(v => (Scenario: s, Variant: v))).ToArray();
        return GateWorkers.Map(jobs, request.Workers, job =>
        {
            var (scenario, variant) = job;
            progress?.Invoke($"{scenario.Id} (small) / {variant}: PBT, {budget.MaxTests} workloads per property");
            var runs = new RunCache(budget.MaxTests);
            var results = new List<GateResult>();
            foreach (var property in SimGate.Applicable(scenario, [variant], expectations, request.Properties, Expectation.Small))
            {
                var clock = Stopwatch.StartNew();
                var check = Check(scenario, variant, property, request.Seed, budget, runs);
                results.Add(new GateResult(scenario.Id, variant, property.Info.Id, Engine, check.Verdict,
                    expectations.Find(scenario.Id, variant, property.Info.Id, Expectation.Small), check.Reason,
                    check.Witness?.FailingTimeSeconds, check.Steps, request.Seed, clock.ElapsedMilliseconds)
                {
                    Witness = check.Witness,
                });
            }

            return results;
        });
    }

    /// <summary>One property on one small form and variant.</summary>
    public static PbtCheck Check(Scenario scenario, string variant, IRunProperty property, ulong seed, PbtBudget budget, RunCache? runs = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(budget);
        runs ??= new RunCache(budget.MaxTests);
        var judged = 0;
        long steps = 0;

        PropertyResult? Falsify(WorkloadCase c)
        {
            var run = runs.Run(c, variant);
            steps += run.Steps;
            var result = SimGate.Judge(scenario, property, run);
            judged += result.Verdict == Verdict.Unknown ? 0 : 1;
            return result.Verdict == Verdict.Violated ? result : null;
        }

        var outcome = PbtRunner.Run(
            WorkloadGenerator.For(scenario),
            WorkloadShrinker.Shrink,
            Falsify,
            new PbtOptions(budget.MaxTests, budget.MaxShrinkRuns, seed));

        if (outcome is { Counterexample: { } shrunk, Failure: { } failure })
        {
            var seconds = shrunk.Scenario.DurationSeconds;
            var witness = Counterexample.Of(Engine, variant, property.Info.Id, shrunk, seconds, failure,
                new PbtProvenance(seed, outcome.Tests, outcome.Shrinks, outcome.FirstFailing!.Activities));
            var reason = $"{failure.Reason} (workload {outcome.Tests} of {budget.MaxTests}, shrunk {outcome.Shrinks} times to {shrunk.Activities} activities, {seconds} s; replay seed {seed})";
            return new PbtCheck(Verdict.Violated, reason, witness.FailingStep, witness, outcome.Tests, outcome.SecondsToFirstFailure, outcome.Seconds);
        }

        return judged > 0
            ? new PbtCheck(Verdict.Holds, $"no counterexample in {outcome.Tests} generated workloads (seed {seed})", steps, null, outcome.Tests, null, outcome.Seconds)
            : new PbtCheck(Verdict.Unknown, $"none of {outcome.Tests} generated workloads could be judged (too short for the property's window?)", steps, null, outcome.Tests, null, outcome.Seconds);
    }
}

/// <summary>What PBT concluded for one property, with the counterexample and the figures it took.</summary>
public sealed record PbtCheck(Verdict Verdict, string Reason, long Steps, Counterexample? Witness, int Tests, double? SecondsToFirstFailure, double Seconds);

/// <summary>
/// Runs of generated workloads, shared by the properties of one (scenario, variant): the same seed
/// generates the same workloads for every property, so each is run once. Holds at most Capacity runs.
/// </summary>
public sealed class RunCache(int capacity)
{
    private readonly Dictionary<string, RunRecord> _runs = [];

    public int Capacity { get; } = capacity;

    public long Runs { get; private set; }

    public RunRecord Run(WorkloadCase c, string variant)
    {
        ArgumentNullException.ThrowIfNull(c);
        var key = c.Key;
        if (_runs.TryGetValue(key, out var cached))
        {
            return cached;
        }

        Runs++;
        var run = ScenarioRunner.Run(c.Scenario, variant, c.SimSeed, c.Scenario.DurationSeconds);
        if (_runs.Count < Capacity)
        {
            _runs[key] = run;
        }

        return run;
    }
}
