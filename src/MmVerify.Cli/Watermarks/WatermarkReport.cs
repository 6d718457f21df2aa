namespace MmVerify.Cli.Watermarks;

/// <summary>The whole comparison: the sysctls used and every zone of every node, in file order.</summary>
internal sealed record WatermarkReport(AppliedSysctls Sysctls, IReadOnlyList<ZoneComparison> Zones)
{
    public int DifferingZones => Zones.Count(z => !z.Match);

    public bool Match => DifferingZones == 0;
}
