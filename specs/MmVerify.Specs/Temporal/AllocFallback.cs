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
        // The fallback is recognised from the trace, not the task: an order-0 failure of a pid whose previous
        // failure, within 1 ms, was an opportunistic order-3 attempt (__GFP_NORETRY, as page_frag's refill).
        var lastOpportunistic = new Dictionary<int, long>();
        foreach (var f in run.Of<PageAllocFailEvent>())
        {
            if (f.Order == 3 && (f.Gfp & GfpFlags.NoRetry) != 0)
            {
                lastOpportunistic[f.Pid] = f.TimeNs;
                continue;
            }

            var isFallback = f.Order == 0 && lastOpportunistic.TryGetValue(f.Pid, out var at) && f.TimeNs - at <= 1_000_000;
            lastOpportunistic.Remove(f.Pid);
            if (isFallback && f.Admitted)
            {
                return PropertyResult.Violated(f.TimeNs / 1e9, $"{f.Comm}: order-0 fallback failed although admitted");
            }
        }

        return PropertyResult.Holds("no admitted order-0 fallback failed");
    }
}
