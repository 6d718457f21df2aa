using MmVerify.Model.Sim;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Metrics;

namespace MmVerify.Cli.Report;

/// <summary>
/// Everything a report draws. Built from a scenario run (From) or, for a replayed counterexample, from the
/// replay's run record with the failing step as Highlight.
/// </summary>
public sealed record ReportInput
{
    public required string Title { get; init; }

    /// <summary>One line under the title: seed, length, anything that identifies the run.</summary>
    public required string Subtitle { get; init; }

    public required double Seconds { get; init; }

    public required int Nodes { get; init; }

    public required IReadOnlyList<SimSample> Samples { get; init; }

    public required IReadOnlyList<TraceEvent> Events { get; init; }

    public IReadOnlyList<KswapdLaneChange> KswapdLane { get; init; } = [];

    public IReadOnlyList<BoostRaise> BoostRaises { get; init; } = [];

    public IReadOnlyList<(string Property, PropertyResult Result)> Verdicts { get; init; } = [];

    public IReadOnlyList<Metric> Metrics { get; init; } = [];

    public ReportHighlight? Highlight { get; init; }

    public static ReportInput From(RunRecord run, IReadOnlyList<(string Property, PropertyResult Result)> verdicts, ReportHighlight? highlight = null) => new()
    {
        Title = $"{run.Scenario} on {run.Variant}",
        Subtitle = $"seed {run.Seed}, {Svg.N(run.Seconds)} simulated s, {run.Steps} model steps",
        Seconds = run.Seconds,
        Nodes = run.World.Reclaim.Length,
        Samples = run.Samples,
        Events = run.Events,
        KswapdLane = run.KswapdLane,
        BoostRaises = run.BoostRaises,
        Verdicts = verdicts,
        Metrics = RunMetrics.Of(run),
        Highlight = highlight,
    };
}
