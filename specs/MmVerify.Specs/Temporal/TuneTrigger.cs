using MmVerify.Engine.Properties;
using MmVerify.Model.Gfp;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>tune.trigger [P-TRIGGER]: tuning runs only after a genuine order-0 GFP_ATOMIC failure.</summary>
public sealed class TuneTrigger : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "tune.trigger",
        "Auto-tuning runs only after an order-0 allocation with (gfp & GFP_ATOMIC) == GFP_ATOMIC has failed.",
        "Tuning on GFP_NOWAIT or GFP_KERNEL|__GFP_NORETRY failures raises reserves for callers that are allowed to fail.",
        "SCENARIOS.md B (P-TRIGGER); seed 002");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var triggers = run.Of<AutotuneEvent>().Where(e => e.Action == "trigger").ToArray();
        var bad = triggers.FirstOrDefault(t => t.Order != 0 || (t.Gfp & Gfp.Atomic) != Gfp.Atomic);
        return bad is null
            ? PropertyResult.Holds($"{triggers.Length} tuning runs, all after GFP_ATOMIC order-0 failures")
            : PropertyResult.Violated(bad.TimeNs / 1e9, $"tuning ran after an order-{bad.Order} failure with gfp 0x{(uint)bad.Gfp:x}");
    }
}
