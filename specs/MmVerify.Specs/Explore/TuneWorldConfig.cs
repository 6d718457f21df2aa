using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The sizes of the auto-tuning world: the machine's RAM in pages, min_free_kbytes at boot, CONFIG_HZ and the
/// uptime (seconds) at which the workload starts (the debounce compares jiffies, which wrap 300 s after boot).
/// </summary>
public sealed record TuneWorldConfig(long TotalRamPages, long InitialMinFreeKbytes, int Hz, long UptimeSeconds)
{
    /// <summary>
    /// S4 (atomic-burst-autotune) small form: 2 x 64 MiB nodes, THP always (min_free_kbytes as the kernel boots
    /// it, khugepaged's raise included: 6444 kB, already above 1% of RAM, 1310 kB, so v1 and v2 never raise it
    /// here), HZ 250, the model's default uptime of 3600 s.
    /// </summary>
    public static TuneWorldConfig Small { get; } = FromMachine(2, 16384, thp: true, 250, 3600);

    public static TuneWorldConfig FromMachine(int nodes, int pagesPerNode, bool thp, int hz, long uptimeSeconds)
    {
        var spec = new MachineSpec(Enumerable.Range(0, nodes).Select(n => new NodeSpec(n, [ZoneSpec.Flat(ZoneKind.Normal, (long)n * pagesPerNode, pagesPerNode)])).ToArray());
        var minFree = WatermarkSetup.DefaultMinFreeKbytes(spec, thp, 10, BuddyGeometry.X86_64.PageblockNrPages);
        return new((long)nodes * pagesPerNode, minFree, hz, uptimeSeconds);
    }

    public void Validate()
    {
        if (TotalRamPages is < 1 or > (1L << 20) || InitialMinFreeKbytes is < 1 or >= (1L << 22) || Hz is < 1 or > 10000 || UptimeSeconds is < 0 or > 1L << 30)
        {
            throw new ArgumentException($"auto-tuning world out of range: {this}");
        }
    }
}
