using MmVerify.Engine.Properties;
using MmVerify.Model.Gfp;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>alloc.atomic-reserve [P-ATOMIC-NOFAIL]: no order-0 GFP_ATOMIC failure while a zone holds more than the atomic threshold.</summary>
public sealed class AllocAtomicReserve : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "alloc.atomic-reserve",
        "An order-0 GFP_ATOMIC request never fails while some zone of its zonelist has usable free pages above 37.5% of the un-boosted min plus lowmem_reserve (CMA and highatomic excluded).",
        "The min reserve exists for atomic callers; failing them with the reserve intact drops packets for nothing (seeds 002, 004).",
        "SCENARIOS.md B (P-ATOMIC-NOFAIL)");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var bad = run.Of<PageAllocFailEvent>().FirstOrDefault(f => f.Order == 0 && (f.Gfp & Gfp.Atomic) == Gfp.Atomic && f.AboveAtomicReserve);
        return bad is null
            ? PropertyResult.Holds("every order-0 GFP_ATOMIC failure happened with every zone at or below the atomic threshold")
            : PropertyResult.Violated(bad.TimeNs / 1e9, $"{bad.Comm}: order-0 GFP_ATOMIC failed while a zone was above the atomic threshold");
    }
}
