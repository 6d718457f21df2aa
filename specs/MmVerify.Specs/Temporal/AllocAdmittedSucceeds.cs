using MmVerify.Engine.Properties;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>alloc.admitted-succeeds [P-ADMIT->OK]: an order-0 request that the watermark check admits gets a page.</summary>
public sealed class AllocAdmittedSucceeds : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "alloc.admitted-succeeds",
        "If the watermark check admits an order-0 request for some zone of its zonelist, the request returns a page: no policy-only failure.",
        "A failure with the watermarks fine means a policy (ALLOC_NOFRAGMENT) refused memory that exists (seed 004, May 2026 fix).",
        "SCENARIOS.md B (P-ADMIT->OK)");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var bad = run.Of<PageAllocFailEvent>().FirstOrDefault(f => f.Order == 0 && f.Admitted && !f.Livelocked);
        return bad is null
            ? PropertyResult.Holds("no admitted order-0 request failed")
            : PropertyResult.Violated(bad.TimeNs / 1e9, $"{bad.Comm}: order-0 request (gfp 0x{(uint)bad.Gfp:x}) failed although a zone passed its watermark check");
    }
}
