namespace MmVerify.Cli.Watermarks;

/// <summary>The sysctls the user gave, already accepted by SysctlInput; null means "as the kernel defaults".</summary>
internal sealed record SysctlRequest(long? MinFreeKbytes, long? WatermarkScaleFactor, IReadOnlyList<long>? LowmemReserveRatio);
