using MmVerify.Specs.Gate;
using MmVerify.Specs.Metrics;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Compare;

/// <summary>One run of a scenario on a variant, reduced to what compare and report print: metrics and verdicts.</summary>
internal sealed record JudgedRun(ulong Seed, IReadOnlyList<Metric> Metrics, IReadOnlyList<(string Property, PropertyResult Result)> Verdicts)
{
    /// <summary>The built-in expectations, only to learn which properties apply to a (scenario, variant).</summary>
    public static ExpectationSet Expectations()
    {
        try
        {
            return ExpectationSet.Load(ExpectationSet.BuiltInPath);
        }
        catch (ExpectationException e)
        {
            throw new BadInputException(e.Message);
        }
    }

    /// <summary>Runs and judges; the run itself (its trace may hold millions of events) is dropped.</summary>
    public static JudgedRun Execute(Scenario scenario, string variant, IReadOnlyList<IRunProperty> properties, ulong seed, double seconds)
    {
        var run = ScenarioRunner.Run(scenario, variant, seed, seconds);
        var verdicts = properties.Select(p => (p.Info.Id, SimGate.Judge(scenario, p, run))).ToArray();
        return new JudgedRun(seed, RunMetrics.Of(run), verdicts);
    }
}
