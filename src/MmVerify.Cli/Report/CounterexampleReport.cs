using MmVerify.Cli.Compare;
using MmVerify.Specs;
using MmVerify.Specs.Counterexamples;
using MmVerify.Specs.Gate;

namespace MmVerify.Cli.Report;

/// <summary>
/// A counterexample file drawn as a report: replayed exactly as `mmverify replay` does, the property's
/// failing time highlighted with its recorded explanation, and every applicable property judged on the replay.
/// </summary>
internal static class CounterexampleReport
{
    public static (ReportInput Input, bool Reproduced) Build(string path)
    {
        Counterexample c;
        try
        {
            c = CounterexampleReader.Load(path);
        }
        catch (CounterexampleException e)
        {
            throw new BadInputException(e.Message);
        }

        var outcome = Replayer.Replay(c);
        var scenario = c.Case.Scenario;
        var properties = SimGate.Applicable(scenario, [c.Variant], JudgedRun.Expectations())
            .Concat(PropertyCatalog.Find(c.Property) is { } p ? [p] : [])
            .DistinctBy(p => p.Info.Id)
            .ToArray();
        var verdicts = properties.Select(p => (p.Info.Id, SimGate.Judge(scenario, p, outcome.Run))).ToArray();
        var explanation = outcome.Reproduced
            ? $"{c.Reason} (failing step {c.FailingStep}; the replay reproduces it)"
            : $"recorded: {c.Reason} (failing step {c.FailingStep}); the replay does NOT reproduce it: {outcome.Why}";
        var input = ReportInput.From(outcome.Run, verdicts, new ReportHighlight(c.FailingTimeSeconds, c.Property, explanation)) with
        {
            Subtitle = $"counterexample {Path.GetFileName(path)}: {c.Engine} engine, model {c.ModelVersion}, seed {c.Case.SimSeed}, "
                + $"{Svg.N(c.RunSeconds)} simulated s, {outcome.Run.Steps} model steps",
        };
        return (input, outcome.Reproduced);
    }
}
