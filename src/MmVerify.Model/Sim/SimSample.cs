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
    long MinFreeKbytes);
