using System.Diagnostics;
using MmVerify.Engine.Properties;
using MmVerify.Specs.Counterexamples;
using MmVerify.Specs.Pbt;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Gate;

/// <summary>
/// The simulation engine of the gate: runs each selected scenario on each selected variant and judges the
/// properties that apply (the invariants, those the scenario names, those with a recorded expectation).
/// Budgets: quick runs a third of each scenario's duration (at least 5 s, at most all of it), standard and deep its whole duration.
/// </summary>
public static class SimGate
{
    public const string Engine = "sim";

    public static IEnumerable<GateResult> Run(GateRequest request, ScenarioCatalog catalog, ExpectationSet expectations, Action<string>? progress = null)
    {
        var scenarios = request.Scenarios.Count == 0
            ? catalog.LoadAll()
            : request.Scenarios.Select(id => catalog.Find(id) ?? throw new ArgumentException($"unknown scenario '{id}'")).ToArray();
        return Run(request, scenarios, expectations, progress);
    }

    /// <summary>
    /// Checks the given scenarios (e.g. a file passed on the command line); request.Scenarios is not consulted.
    /// Each (scenario, variant) runs on its own worker; results come back in the sequential order, so the
    /// report is the same for any number of workers.
    /// </summary>
    public static IEnumerable<GateResult> Run(GateRequest request, IEnumerable<Scenario> scenarios, ExpectationSet expectations, Action<string>? progress = null)
    {
        var jobs = scenarios.SelectMany(s => (request.Variants.Count == 0 ? s.Variants : request.Variants).Select(v => (Scenario: s, Variant: v))).ToArray();
        return GateWorkers.Map(jobs, request.Workers, job => RunOne(request, job.Scenario, job.Variant, expectations, progress));
    }

    private static IReadOnlyList<GateResult> RunOne(GateRequest request, Scenario scenario, string variant, ExpectationSet expectations, Action<string>? progress)
    {
        var properties = Applicable(scenario, variant, request, expectations);
        var seconds = Seconds(scenario, request.Budget);
        progress?.Invoke($"{scenario.Id} / {variant}: {seconds:F0} simulated s");
        var clock = Stopwatch.StartNew();
        var run = ScenarioRunner.Run(scenario, variant, request.Seed, seconds);
        var elapsed = clock.ElapsedMilliseconds;
        var results = new List<GateResult>();
        foreach (var property in properties)
        {
            var result = Judge(scenario, property, run);
            results.Add(new GateResult(scenario.Id, variant, property.Info.Id, Engine, result.Verdict,
                expectations.Find(scenario.Id, variant, property.Info.Id), result.Reason, result.At, run.Steps, request.Seed, elapsed)
            {
                Witness = result.Verdict == Verdict.Violated ? Counterexample.Of(Engine, variant, property.Info.Id, new WorkloadCase(scenario, request.Seed), seconds, result) : null,
            });
        }

        return results;
    }

    /// <summary>How long the budget runs the scenario, in simulated seconds.</summary>
    public static double Seconds(Scenario scenario, string budget)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return budget == "quick" ? Math.Min(scenario.DurationSeconds, Math.Max(5, scenario.DurationSeconds / 3.0)) : scenario.DurationSeconds;
    }

    private static IReadOnlyList<IRunProperty> Applicable(Scenario scenario, string variant, GateRequest request, ExpectationSet expectations) =>
        Applicable(scenario, [variant], expectations, request.Properties);

    /// <summary>
    /// The properties judged on runs of the scenario with any of the variants (catalog order): the invariants,
    /// those the scenario names and those with a recorded expectation for that form of the scenario; only those
    /// in <paramref name="only"/> if it is not empty.
    /// </summary>
    public static IReadOnlyList<IRunProperty> Applicable(Scenario scenario, IEnumerable<string> variants, ExpectationSet expectations, IReadOnlyCollection<string>? only = null, string form = Expectation.Full)
    {
        var ids = new HashSet<string>(PropertyCatalog.RunInvariants.Select(i => i.Info.Id));
        ids.UnionWith(scenario.Properties.Keys);
        foreach (var variant in variants)
        {
            ids.UnionWith(expectations.For(scenario.Id, variant, form).Select(e => e.Property));
        }

        if (only is { Count: > 0 })
        {
            ids.IntersectWith(only);
        }

        return PropertyCatalog.RunProperties.Where(p => ids.Contains(p.Info.Id)).ToArray();
    }

    /// <summary>One property's verdict on a run, with the scenario's parameters for it.</summary>
    public static PropertyResult Judge(Scenario scenario, IRunProperty property, RunRecord run) =>
        property.Judge(run, new PropertyParameters(scenario.Properties.GetValueOrDefault(property.Info.Id)));
}
