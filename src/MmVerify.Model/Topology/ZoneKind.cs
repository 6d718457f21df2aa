namespace MmVerify.Model.Topology;

/// <summary>What a zone is. Its index in the node (ZONE_DMA = 0 ...) depends on the architecture's layout.</summary>
public enum ZoneKind : byte
{
    Dma,
    Dma32,
    Normal,
    HighMem,
    Movable,
    Device,
}

public static class ZoneKinds
{
    /// <summary>The names /proc/zoneinfo and /proc/buddyinfo print (zone_names[], mm/page_alloc.c).</summary>
    public static string Name(ZoneKind kind) => kind switch
    {
        ZoneKind.Dma => "DMA",
        ZoneKind.Dma32 => "DMA32",
        ZoneKind.Normal => "Normal",
        ZoneKind.HighMem => "HighMem",
        ZoneKind.Movable => "Movable",
        ZoneKind.Device => "Device",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string name, out ZoneKind kind)
    {
        foreach (var k in Enum.GetValues<ZoneKind>())
        {
            if (Name(k) == name)
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>x86_64 zone layout: DMA=0, DMA32=1, NORMAL=2, MOVABLE=3, DEVICE=4 (MAX_NR_ZONES = 5).</summary>
    public static IReadOnlyList<ZoneKind> X86_64Layout { get; } =
        [ZoneKind.Dma, ZoneKind.Dma32, ZoneKind.Normal, ZoneKind.Movable, ZoneKind.Device];

    /// <summary>Zones that count as lowmem for min_free_kbytes (neither HIGHMEM nor MOVABLE).</summary>
    public static bool IsLowmemForWatermarks(ZoneKind kind) => kind is not (ZoneKind.HighMem or ZoneKind.Movable);
}
