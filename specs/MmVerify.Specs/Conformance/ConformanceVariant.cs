using MmVerify.Model.Variants;

namespace MmVerify.Specs.Conformance;

/// <summary>What a variant lets a trace show: the clear_hopeless reasons the kernel of that variant has.</summary>
public sealed record ConformanceVariant(string Name, IReadOnlySet<string> ResetReasons, bool ResetsOnAnyProgress)
{
    /// <summary>The trace's reason words (HopelessClearReason as the tracepoint prints it).</summary>
    public static ConformanceVariant From(KernelPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);

        // KSWAPD and DIRECT come from shrink_node in every version; PCP and OTHER came with the PCP-free
        // revival patch (≈v6.18), which the model's policy records as PcpRevivesHopeless.
        var reasons = new SortedSet<string>(StringComparer.Ordinal) { "KSWAPD", "DIRECT" };
        if (policy.PcpRevivesHopeless)
        {
            reasons.Add("PCP");
            reasons.Add("OTHER");
        }

        return new ConformanceVariant(policy.Name, reasons, policy.HopelessReset is ClearOnAnyProgress);
    }
}
