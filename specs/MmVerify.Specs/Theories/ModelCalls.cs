using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;

namespace MmVerify.Specs.Theories;

/// <summary>Runs the model's own functions on the inputs of an encoding (replays and differential tests).</summary>
public static class ModelCalls
{
    /// <summary>
    /// The model's __setup_per_zone_wmarks() for one zone: a lowmem zone is the Normal zone of a node whose
    /// DMA32 zone holds the rest of lowmem_pages; otherwise it is a Movable zone above a Normal zone of lowmem_pages.
    /// </summary>
    public static WatermarkSet Setup(long minFreeKbytes, long managed, long lowmemPages, long scaleFactor, bool lowmemZone)
    {
        ZoneSpec[] zones = lowmemZone
            ? [ZoneSpec.Flat(ZoneKind.Dma32, 0, lowmemPages - managed), ZoneSpec.Flat(ZoneKind.Normal, lowmemPages - managed, managed)]
            : [ZoneSpec.Flat(ZoneKind.Normal, 0, lowmemPages), ZoneSpec.Flat(ZoneKind.Movable, lowmemPages, managed)];
        var machine = new MachineSpec([new NodeSpec(0, zones)]);
        return WatermarkSetup.SetupPerZoneWmarks(machine, minFreeKbytes, scaleFactor)[0][1];
    }

    /// <summary>The model's setup_per_zone_lowmem_reserve() for zone 0 of a node with three zones above it.</summary>
    public static long[] LowmemReserve(int ratio, long zoneManaged, long upper1, long upper2, long upper3)
    {
        var zones = new[]
        {
            ZoneSpec.Flat(ZoneKind.Dma, 0, zoneManaged),
            ZoneSpec.Flat(ZoneKind.Dma32, zoneManaged, upper1),
            ZoneSpec.Flat(ZoneKind.Normal, zoneManaged + upper1, upper2),
            ZoneSpec.Flat(ZoneKind.Movable, zoneManaged + upper1 + upper2, upper3),
        };
        var reserve = WatermarkSetup.SetupPerZoneLowmemReserve(new MachineSpec([new NodeSpec(0, zones)]), [ratio, 0, 0, 0]);
        return [reserve[0][0][1], reserve[0][0][2], reserve[0][0][3]];
    }
}
