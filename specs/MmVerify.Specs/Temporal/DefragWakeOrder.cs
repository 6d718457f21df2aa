using MmVerify.Engine.Properties;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>defrag.wake-order: under defrag_mode kswapd is woken with at least pageblock_order.</summary>
public sealed class DefragWakeOrder : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "defrag.wake-order",
        "With defrag_mode = 1 every wakeup of kswapd by the allocator asks for at least pageblock_order.",
        "defrag_mode's kswapd is to produce whole free pageblocks; woken at the request's order it balances at order 0 and fragmentation returns (seed 004 patch 4).",
        "DESIGN.md; seed 004");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        if (!run.World.Sysctls.DefragMode)
        {
            return PropertyResult.Holds("defrag_mode is off: nothing to check");
        }

        var pageblock = run.World.Machine.Geometry.PageblockOrder;
        var wakes = run.Of<WakeupKswapdEvent>().Where(w => w.Gfp != 0).ToArray();
        var bad = wakes.FirstOrDefault(w => w.Order < pageblock);
        return bad is null
            ? PropertyResult.Holds($"{wakes.Length} allocator wakeups, all at order >= {pageblock}")
            : PropertyResult.Violated(bad.TimeNs / 1e9, $"{bad.Comm} woke kswapd{bad.Nid} at order {bad.Order} under defrag_mode");
    }
}
