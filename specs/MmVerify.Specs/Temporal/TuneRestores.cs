using MmVerify.Engine.Properties;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>tune.restores [P-MINFREE-RESTORE]: W seconds after the last failure, min_free_kbytes and the boosts are back to their start.</summary>
public sealed class TuneRestores : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "tune.restores",
        "W seconds (default 1800) after the last allocation failure, min_free_kbytes equals its value before the storm and no zone is boosted.",
        "A reserve raised for a burst and never returned wastes memory for good (Andrew Morton on seed 002 v1).",
        "SCENARIOS.md B (P-MINFREE-RESTORE); seed 002");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var window = p.Get("window_s", 1800);
        var lastFailure = run.Of<PageAllocFailEvent>().Where(f => f.TimeNs < (p.Get("failures_before_s", double.MaxValue) * 1e9)).Select(f => f.TimeNs / 1e9).DefaultIfEmpty(-1).Max();
        if (lastFailure < 0)
        {
            return PropertyResult.Holds("no allocation failed");
        }

        var sample = run.Samples.FirstOrDefault(s => s.T >= lastFailure + window);
        if (sample is null)
        {
            return PropertyResult.Unknown($"the run ends before {lastFailure + window:F0} s");
        }

        if (sample.MinFreeKbytes != run.InitialMinFreeKbytes || sample.WatermarkBoost.Values.Any(b => b != 0))
        {
            return PropertyResult.Violated(sample.T, $"min_free_kbytes {sample.MinFreeKbytes} (started at {run.InitialMinFreeKbytes}), largest boost {sample.WatermarkBoost.Values.Max()}, {window} s after the last failure");
        }

        return PropertyResult.Holds($"back to {run.InitialMinFreeKbytes} kB and no boost {window} s after the last failure");
    }
}
