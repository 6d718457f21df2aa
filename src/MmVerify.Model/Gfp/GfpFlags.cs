namespace MmVerify.Model.Gfp;

// mirrors the __GFP_* bits of include/linux/gfp_types.h, v7.2 (0x200 is unused since __GFP_ATOMIC went in v6.3)
[Flags]
public enum GfpFlags : uint
{
    None = 0,
    Dma = 0x1,
    HighMem = 0x2,
    Dma32 = 0x4,
    Movable = 0x8,
    Reclaimable = 0x10,
    High = 0x20,
    Io = 0x40,
    Fs = 0x80,
    Zero = 0x100,
    DirectReclaim = 0x400,
    KswapdReclaim = 0x800,
    Write = 0x1000,
    NoWarn = 0x2000,
    RetryMayFail = 0x4000,
    NoFail = 0x8000,
    NoRetry = 0x10000,
    MemAlloc = 0x20000,
    Comp = 0x40000,
    NoMemAlloc = 0x80000,
    HardWall = 0x100000,
    ThisNode = 0x200000,
    Account = 0x400000,
}

/// <summary>The composite GFP masks of include/linux/gfp_types.h, v7.2.</summary>
public static class Gfp
{
    public const GfpFlags Reclaim = GfpFlags.DirectReclaim | GfpFlags.KswapdReclaim;           // __GFP_RECLAIM
    public const GfpFlags Kernel = Reclaim | GfpFlags.Io | GfpFlags.Fs;                          // GFP_KERNEL 0xcc0
    public const GfpFlags Atomic = GfpFlags.High | GfpFlags.KswapdReclaim;                      // GFP_ATOMIC 0x820
    public const GfpFlags NoWait = GfpFlags.KswapdReclaim | GfpFlags.NoWarn;                    // GFP_NOWAIT 0x2800 (6.12+)
    public const GfpFlags NoIo = Reclaim;                                                       // GFP_NOIO
    public const GfpFlags NoFs = Reclaim | GfpFlags.Io;                                         // GFP_NOFS
    public const GfpFlags User = Kernel | GfpFlags.HardWall;                                    // GFP_USER
    public const GfpFlags HighUserMovable = User | GfpFlags.HighMem | GfpFlags.Movable;         // GFP_HIGHUSER_MOVABLE
}
