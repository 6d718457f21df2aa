namespace MmVerify.Model.Gfp;

// mirrors the ALLOC_* flags of mm/internal.h, v7.2
[Flags]
public enum AllocFlags : uint
{
    None = 0,
    WmarkMin = 0x0,
    WmarkLow = 0x1,
    WmarkHigh = 0x2,
    NoWatermarks = 0x4,
    Oom = 0x8,
    NonBlock = 0x10,
    MinReserve = 0x20,
    Cpuset = 0x40,
    Cma = 0x80,
    NoFragment = 0x100,
    HighAtomic = 0x200,
    TryLock = 0x400,
    Kswapd = 0x800,
}

public static class AllocMask
{
    /// <summary>ALLOC_WMARK_MASK: the low bits select the watermark.</summary>
    public const AllocFlags WmarkMask = (AllocFlags)0x3;

    /// <summary>ALLOC_RESERVES: any of these lets the request use reserves.</summary>
    public const AllocFlags Reserves = AllocFlags.NonBlock | AllocFlags.MinReserve | AllocFlags.HighAtomic | AllocFlags.Oom;

    public static WmarkIndex Watermark(AllocFlags flags) => (WmarkIndex)(uint)(flags & WmarkMask);
}

/// <summary>enum zone_watermarks: the index into _watermark[].</summary>
public enum WmarkIndex
{
    Min = 0,
    Low = 1,
    High = 2,
    Promo = 3,
}
