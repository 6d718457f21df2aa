using MmVerify.Model.Sim;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Counterexamples;

/// <summary>
/// Re-executes a counterexample: the same workload, variant and seed through the same runner as check,
/// then judges the property again. It reproduces when the verdict, the failing time, the failing step and
/// the reason are all the recorded ones; anything else means the model changed since it was recorded.
/// </summary>
public static class Replayer
{
    /// <summary>observe sees the simulation after every step; failing is true at the recorded failing step.</summary>
    public static ReplayOutcome Replay(Counterexample c, Action<Simulation, bool>? observe = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        var property = PropertyCatalog.Find(c.Property) ?? throw new ArgumentException($"unknown property '{c.Property}'");
        var atNs = ScenarioRunner.ToNs(c.FailingTimeSeconds);
        long stepsByFailureTime = 0;
        var eventsAtFailingStep = -1;
        var run = ScenarioRunner.Run(c.Case.Scenario, c.Variant, c.Case.SimSeed, c.RunSeconds, observe: simulation =>
        {
            if (simulation.World.NowNs <= atNs)
            {
                stepsByFailureTime = simulation.Steps;
            }

            var failing = simulation.Steps == c.FailingStep;
            if (failing && simulation.World.Trace is TraceBuffer buffer)
            {
                eventsAtFailingStep = buffer.Events.Count;
            }

            observe?.Invoke(simulation, failing);
        });

        var parameters = new PropertyParameters(c.Case.Scenario.Properties.GetValueOrDefault(c.Property));
        var result = property.Judge(run, parameters);
        var replayedStep = result.At is { } at ? StepAt(c, at, atNs, stepsByFailureTime) : -1;
        var why = result.Verdict != Engine.Properties.Verdict.Violated ? $"the property is no longer violated ({result.Reason})"
            : result.At != c.FailingTimeSeconds ? $"violated at {result.At} s instead of {c.FailingTimeSeconds} s"
            : replayedStep != c.FailingStep ? $"violated at step {replayedStep} instead of {c.FailingStep}"
            : result.Reason != c.Reason ? $"violated for another reason: {result.Reason}"
            : null;
        return new ReplayOutcome(why is null, result, replayedStep, eventsAtFailingStep, run, why ?? "reproduced");
    }

    // The steps up to the replayed failure time; counted during the run only for the recorded time.
    private static long StepAt(Counterexample c, double at, long recordedNs, long stepsByRecordedTime) =>
        ScenarioRunner.ToNs(at) == recordedNs ? stepsByRecordedTime
            : ScenarioRunner.StepsUntil(c.Case.Scenario, c.Variant, c.Case.SimSeed, c.RunSeconds, at);
}

/// <summary>What a replay found: whether the recorded violation reproduced, and the run itself.</summary>
public sealed record ReplayOutcome(bool Reproduced, PropertyResult Result, long FailingStep, int EventsAtFailingStep, RunRecord Run, string Why);
