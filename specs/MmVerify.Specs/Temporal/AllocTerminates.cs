using MmVerify.Engine.Properties;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>alloc.terminates [P-OOM-REACH]: every allocation completes, fails or OOM-kills within bounded retries.</summary>
public sealed class AllocTerminates : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "alloc.terminates",
        "Every allocation returns a page, fails, or reaches the OOM killer within bounded retries; no slow path loops forever.",
        "A slow path that never reaches OOM hangs the machine (defrag_mode patch 3 as posted, Brendan Jackman's review).",
        "SCENARIOS.md B (P-OOM-REACH); seed 004");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var hang = run.Of<PageAllocFailEvent>().FirstOrDefault(f => f.Livelocked);
        return hang is null
            ? PropertyResult.Holds("no allocation looped past the retry bound")
            : PropertyResult.Violated(hang.TimeNs / 1e9, $"{hang.Comm}: order-{hang.Order} allocation (gfp 0x{(uint)hang.Gfp:x}) still retrying after {Model.Alloc.PageAllocator.LivelockRetries} passes");
    }
}
