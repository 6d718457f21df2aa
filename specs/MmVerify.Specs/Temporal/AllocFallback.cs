using MmVerify.Engine.Properties;
using MmVerify.Model.Gfp;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>alloc.fallback [P-FALLBACK]: the order-0 fallback of a best-effort order-3 request succeeds whenever admitted.</summary>
public sealed class AllocFallback : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "alloc.fallback",
        "A best-effort order-3 request with an order-0 fallback (page_frag) is satisfied whenever the order-0 watermark check passes: its order-0 attempt never fails while admitted.",
        "Network buffers must not fail because a high-order attempt failed; the fallback is what makes the attempt opportunistic (seed 000).",
        "SCENARIOS.md B (P-FALLBACK)");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        // The fallback is the order-0 request without __GFP_COMP|__GFP_NORETRY that follows a failed opportunistic order 3.
        var bad = run.Of<PageAllocFailEvent>().FirstOrDefault(f => f.Order == 0 && f.Admitted && (f.Gfp & GfpFlags.NoRetry) == 0 && f.Comm is "tx" or "rx");
        return bad is null
            ? PropertyResult.Holds("no admitted order-0 fallback failed")
            : PropertyResult.Violated(bad.TimeNs / 1e9, $"{bad.Comm}: order-0 fallback failed although admitted");
    }
}
