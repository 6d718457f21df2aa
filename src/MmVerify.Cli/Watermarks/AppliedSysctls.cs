namespace MmVerify.Cli.Watermarks;

/// <summary>The sysctl values the comparison used, each with where it came from (given or which default rule).</summary>
internal sealed record AppliedSysctls(
    long MinFreeKbytes,
    string MinFreeKbytesRule,
    long WatermarkScaleFactor,
    string WatermarkScaleFactorSource,
    IReadOnlyList<long> LowmemReserveRatio,
    string LowmemReserveRatioSource);
