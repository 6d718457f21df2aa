namespace MmVerify.Model.Sim;

/// <summary>One per-second sample of the monitor (DESIGN.md simulate json).</summary>
public sealed record SimSample(
    double T,
    long FreePages,
    long AvailablePages,
    IReadOnlyDictionary<string, long[]> Buddyinfo,
    IReadOnlyList<double> KswapdBusy,
    long PgscanKswapd,
    long PgstealKswapd,
    IReadOnlyList<int> KswapdFailures,
    IReadOnlyDictionary<string, long> WatermarkBoost,
    long MinFreeKbytes)
{
    /// <summary>Per node: pgdat_balanced(order 0, the node's highest zone) at the sample.</summary>
    public IReadOnlyList<bool> NodeBalanced { get; init; } = [];

    /// <summary>Per node: Σ high watermarks (boost included), for "free memory is used".</summary>
    public IReadOnlyList<long> NodeHighPages { get; init; } = [];

    /// <summary>Per node: free pages.</summary>
    public IReadOnlyList<long> NodeFreePages { get; init; } = [];

    /// <summary>Every populated zone, in node then zone-index order.</summary>
    public IReadOnlyList<ZoneSample> Zones { get; init; } = [];
}
