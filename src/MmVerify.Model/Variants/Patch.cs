namespace MmVerify.Model.Variants;

/// <summary>The policy points a patch may replace; two patches on one point do not compose.</summary>
public enum PolicyPoint
{
    HopelessReset,
    CompactGap,
    FailureCount,
    OrderDrop,
    NetFrag,
    KswapdWake,
    DefragMode,
    DefragFallback,
    ReserveTuning,
    AtomicMinBoost,
    PcpRevive,
}

/// <summary>A proposed or historical change to the kernel, applied to a baseline at named policy points.</summary>
public sealed record Patch(
    string Name,
    Provenance Provenance,
    IReadOnlyList<PolicyPoint> Points,
    Func<KernelPolicy, KernelPolicy> Apply,
    IReadOnlyList<string> AlreadyIn);
