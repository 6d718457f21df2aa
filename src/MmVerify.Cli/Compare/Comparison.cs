using MmVerify.Engine.Properties;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Metrics;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Compare;

/// <summary>A metric over the runs of both variants; null where a run did not exercise it.</summary>
internal sealed record ComparedMetric(string Id, string Label, MetricKind Kind, double?[] Base, double?[] Patch)
{
    public static double? Mean(MetricKind kind, double?[] values) =>
        values.Any(v => v.HasValue) ? MetricStats.Mean(kind, Present(values)) : null;

    public static double[] Present(double?[] values) => values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
}

/// <summary>A property's verdict on every run of both variants.</summary>
internal sealed record ComparedProperty(string Id, PropertyResult[] Base, PropertyResult[] Patch)
{
    /// <summary>"holds", or "violated 2/3" when the runs disagree.</summary>
    public static string Summary(PropertyResult[] results)
    {
        var verdicts = results.Select(r => r.Verdict).Distinct().ToArray();
        if (verdicts.Length == 1)
        {
            return Name(verdicts[0]);
        }

        return string.Join(", ", results.GroupBy(r => r.Verdict).OrderBy(g => g.Key).Select(g => $"{Name(g.Key)} {g.Count()}/{results.Length}"));
    }

    public static string Name(Verdict v) => v.ToString().ToLowerInvariant();
}

/// <summary>Both variants run on the same workloads (seeds first, first + 1, ...), each seed once per variant.</summary>
internal sealed record Comparison(
    string Scenario,
    string Base,
    string Patch,
    int Seconds,
    IReadOnlyList<ulong> Seeds,
    IReadOnlyList<ComparedMetric> Metrics,
    IReadOnlyList<ComparedProperty> Properties)
{
    public static Comparison Run(Scenario scenario, string baseVariant, string patchVariant, int runs, ulong firstSeed, int seconds)
    {
        var properties = SimGate.Applicable(scenario, [baseVariant, patchVariant], JudgedRun.Expectations());
        var seeds = Enumerable.Range(0, runs).Select(i => firstSeed + (ulong)i).ToArray();
        var baseRuns = new List<JudgedRun>();
        var patchRuns = new List<JudgedRun>();
        foreach (var seed in seeds)
        {
            // One run at a time: a full trace can hold tens of millions of events.
            baseRuns.Add(JudgedRun.Execute(scenario, baseVariant, properties, seed, seconds));
            patchRuns.Add(JudgedRun.Execute(scenario, patchVariant, properties, seed, seconds));
        }

        return new Comparison(scenario.Id, baseVariant, patchVariant, seconds, seeds, MergeMetrics(baseRuns, patchRuns), MergeVerdicts(properties, baseRuns, patchRuns));
    }

    private static List<ComparedMetric> MergeMetrics(List<JudgedRun> baseRuns, List<JudgedRun> patchRuns)
    {
        // Ids in first-seen order over all runs (base first): the order RunMetrics writes them in.
        var first = new Dictionary<string, Metric>();
        foreach (var m in baseRuns.Concat(patchRuns).SelectMany(r => r.Metrics))
        {
            first.TryAdd(m.Id, m);
        }

        static double?[] Values(List<JudgedRun> runs, string id) =>
            runs.Select(r => r.Metrics.FirstOrDefault(m => m.Id == id)?.Value).ToArray();

        return first.Values.Select(m => new ComparedMetric(m.Id, m.Label, m.Kind, Values(baseRuns, m.Id), Values(patchRuns, m.Id))).ToList();
    }

    private static List<ComparedProperty> MergeVerdicts(IReadOnlyList<IRunProperty> properties, List<JudgedRun> baseRuns, List<JudgedRun> patchRuns) =>
        properties.Select((p, i) => new ComparedProperty(
            p.Info.Id,
            baseRuns.Select(r => r.Verdicts[i].Result).ToArray(),
            patchRuns.Select(r => r.Verdicts[i].Result).ToArray())).ToList();
}
