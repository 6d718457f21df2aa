using System.Globalization;
using System.Text;
using MmVerify.Model.Gfp;

namespace MmVerify.ProcFs.Trace;

/// <summary>The symbolic gfp_flags text of tracepoints (show_gfp_flags).</summary>
public static class GfpFlagNames
{
    private const GfpFlags HighUser = Gfp.User | GfpFlags.HighMem;                                  // GFP_HIGHUSER
    private const GfpFlags KernelAccount = Gfp.Kernel | GfpFlags.Account;                         // GFP_KERNEL_ACCOUNT

    // GFP_TRANSHUGE_LIGHT: a THP attempt that never reclaims.
    private const GfpFlags TransHugeLight =
        (Gfp.HighUserMovable | GfpFlags.Comp | GfpFlags.NoMemAlloc | GfpFlags.NoWarn) & ~Gfp.Reclaim;

    private const GfpFlags TransHuge = TransHugeLight | GfpFlags.DirectReclaim;                  // GFP_TRANSHUGE

    // mirrors __def_gfpflag_names, include/trace/events/mmflags.h, v7.2: composites with the most bits
    // first, then the single bits in bit order (TRACE_GFP_FLAGS; the older per-name order went in 6.15).
    // Bits the model lacks (ZEROTAGS, KASAN, LOCKDEP) are config-dependent and fall through to hex.
    private static readonly (GfpFlags Mask, string Name)[] Table =
    [
        (TransHuge, "GFP_TRANSHUGE"),
        (TransHugeLight, "GFP_TRANSHUGE_LIGHT"),
        (Gfp.HighUserMovable, "GFP_HIGHUSER_MOVABLE"),
        (HighUser, "GFP_HIGHUSER"),
        (Gfp.User, "GFP_USER"),
        (KernelAccount, "GFP_KERNEL_ACCOUNT"),
        (Gfp.Kernel, "GFP_KERNEL"),
        (Gfp.NoFs, "GFP_NOFS"),
        (Gfp.Atomic, "GFP_ATOMIC"),
        (Gfp.NoIo, "GFP_NOIO"),
        (Gfp.NoWait, "GFP_NOWAIT"),
        (GfpFlags.Dma, "GFP_DMA"),
        (GfpFlags.Dma32, "GFP_DMA32"),
        (Gfp.Reclaim, "__GFP_RECLAIM"),
        (GfpFlags.Dma, "__GFP_DMA"),
        (GfpFlags.HighMem, "__GFP_HIGHMEM"),
        (GfpFlags.Dma32, "__GFP_DMA32"),
        (GfpFlags.Movable, "__GFP_MOVABLE"),
        (GfpFlags.Reclaimable, "__GFP_RECLAIMABLE"),
        (GfpFlags.High, "__GFP_HIGH"),
        (GfpFlags.Io, "__GFP_IO"),
        (GfpFlags.Fs, "__GFP_FS"),
        (GfpFlags.Zero, "__GFP_ZERO"),
        (GfpFlags.DirectReclaim, "__GFP_DIRECT_RECLAIM"),
        (GfpFlags.KswapdReclaim, "__GFP_KSWAPD_RECLAIM"),
        (GfpFlags.Write, "__GFP_WRITE"),
        (GfpFlags.NoWarn, "__GFP_NOWARN"),
        (GfpFlags.RetryMayFail, "__GFP_RETRY_MAYFAIL"),
        (GfpFlags.NoFail, "__GFP_NOFAIL"),
        (GfpFlags.NoRetry, "__GFP_NORETRY"),
        (GfpFlags.MemAlloc, "__GFP_MEMALLOC"),
        (GfpFlags.Comp, "__GFP_COMP"),
        (GfpFlags.NoMemAlloc, "__GFP_NOMEMALLOC"),
        (GfpFlags.HardWall, "__GFP_HARDWALL"),
        (GfpFlags.ThisNode, "__GFP_THISNODE"),
        (GfpFlags.Account, "__GFP_ACCOUNT"),
    ];

    // mirrors show_gfp_flags + __print_flags (trace_print_flags_seq), v7.2: an entry matches when all its
    // bits are still set and consumes them; what no entry names is printed once as 0x%lx at the end.
    public static string Format(GfpFlags flags)
    {
        if (flags == GfpFlags.None)
        {
            return "none";
        }

        var sb = new StringBuilder();
        var left = flags;
        foreach (var (mask, name) in Table)
        {
            if (left == GfpFlags.None)
            {
                break;
            }

            if ((left & mask) == mask)
            {
                Append(sb, name);
                left &= ~mask;
            }
        }

        if (left != GfpFlags.None)
        {
            Append(sb, "0x" + ((uint)left).ToString("x", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string part)
    {
        if (sb.Length > 0)
        {
            sb.Append('|');
        }

        sb.Append(part);
    }
}
