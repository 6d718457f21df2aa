namespace MmVerify.Model.Sim;

/// <summary>
/// Simulated CPU cost of each action, in nanoseconds. The kernel spends roughly a microsecond per
/// page scanned by reclaim (isolation, rmap walk, unmapping, freeing); these figures are assumptions
/// chosen so that busy fractions and rates are of the right magnitude, not measurements.
/// </summary>
public sealed record Costs
{
    public long AllocFastPath { get; init; } = 250;

    public long AllocSlowPathEntry { get; init; } = 1_000;

    public long FreePage { get; init; } = 150;

    public long ScanPage { get; init; } = 800;

    public long ReclaimPage { get; init; } = 400;

    public long ShrinkNodeCall { get; init; } = 2_000;

    public long KswapdWakeCheck { get; init; } = 2_000;

    public long CompactScanPage { get; init; } = 100;

    public long MigratePage { get; init; } = 2_000;

    public long PageFault { get; init; } = 1_000;

    public static Costs Default { get; } = new();
}
