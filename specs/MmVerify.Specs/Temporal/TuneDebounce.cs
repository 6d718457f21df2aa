using MmVerify.Engine.Properties;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>tune.debounce [P-DEBOUNCE-10S]: at most one tuning action in any 10 s window.</summary>
public sealed class TuneDebounce : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "tune.debounce",
        "An auto-tuning variant runs its tuning work at most once in any window of W seconds (default 10).",
        "Tuning on every failure of a burst ratchets the reserve up in one go (seed 002 review).",
        "SCENARIOS.md B (P-DEBOUNCE-10S); seed 002 v2, v3");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var window = (long)(p.Get("window_s", 10) * 1e9);
        var triggers = run.Of<AutotuneEvent>().Where(e => e.Action == "trigger").Select(e => e.TimeNs).ToArray();
        for (var i = 1; i < triggers.Length; i++)
        {
            if (triggers[i] - triggers[i - 1] < window)
            {
                return PropertyResult.Violated(triggers[i] / 1e9, $"tuning ran at {triggers[i - 1] / 1e9:F3} s and again at {triggers[i] / 1e9:F3} s");
            }
        }

        return PropertyResult.Holds($"{triggers.Length} tuning runs, none closer than the window");
    }
}
