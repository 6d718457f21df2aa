using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;

namespace MmVerify.Cli.Watermarks;

/// <summary>
/// The min_free_kbytes a kernel computes by itself for a memory layout, and which rule produced it,
/// so that a reviewer can tell "the THP value" from "the sqrt value" at a glance.
/// </summary>
internal static class MinFreeKbytesDefault
{
    /// <summary>pageblock_nr_pages on x86_64 (order 9).</summary>
    public const int PageblockNrPages = 512;

    public static (long Value, string Rule) Compute(MachineSpec spec, long watermarkScaleFactor)
    {
        var lowmemPages = WatermarkSetup.NrFreeBufferPages(spec);
        var sqrtRule = WatermarkSetup.CalculateMinFreeKbytes(lowmemPages, userMinFreeKbytes: -1, currentMinFreeKbytes: 1024);
        var thp = WatermarkSetup.ThpEnabledByDefault(spec);
        var value = WatermarkSetup.DefaultMinFreeKbytes(spec, thp, watermarkScaleFactor, PageblockNrPages);

        if (value > sqrtRule)
        {
            // set_recommended_min_free_kbytes(): pageblocks per populated zone up to NORMAL, capped at 5% of lowmem.
            var zones = spec.AllZones.Count(z => z.IsPopulated && WatermarkSetup.IsAtOrBelowNormal(z.Kind));
            var uncappedKbytes = (long)PageblockNrPages * zones * (2 + (3 * 3)) * 4;
            var cap = value < uncappedKbytes ? ", capped at 5% of lowmem" : "";
            return (value, $"default: THP rule, {zones} zones{cap}");
        }

        var rawSqrt = (long)KernelMath.IntSqrt((ulong)lowmemPages * 4 * 16);
        var clamp = rawSqrt < WatermarkSetup.MinFreeKbytesFloor ? $", raised to {WatermarkSetup.MinFreeKbytesFloor}"
            : rawSqrt > WatermarkSetup.MinFreeKbytesCeiling ? $", capped at {WatermarkSetup.MinFreeKbytesCeiling}"
            : "";
        var thpNote = thp ? "" : ", THP off below 512 MiB";
        return (value, $"default: 4*sqrt(lowmem kB){clamp}{thpNote}");
    }
}
