using System.Globalization;
using MmVerify.Model.Gfp;

namespace MmVerify.Specs.Scenarios;

/// <summary>
/// GFP masks as scenario files write them: kernel names joined by '|' (GFP_KERNEL|__GFP_NORETRY) or a
/// hex number (0x820). Names are the kernel's, case and all, so a mask can be pasted from a trace.
/// </summary>
public static class GfpNames
{
    // mirrors include/linux/gfp_types.h, v7.2: GFP_TRANSHUGE_LIGHT never reclaims; GFP_TRANSHUGE adds direct reclaim.
    public const GfpFlags TransHugeLight = (Gfp.HighUserMovable | GfpFlags.Comp | GfpFlags.NoMemAlloc | GfpFlags.NoWarn) & ~Gfp.Reclaim;
    public const GfpFlags TransHuge = TransHugeLight | GfpFlags.DirectReclaim;

    /// <summary>Composites first, most bits first, then the single flags in bit order (show_gfp_flags' order).</summary>
    public static IReadOnlyList<(string Name, GfpFlags Mask)> All { get; } =
    [
        ("GFP_TRANSHUGE", TransHuge),
        ("GFP_TRANSHUGE_LIGHT", TransHugeLight),
        ("GFP_HIGHUSER_MOVABLE", Gfp.HighUserMovable),
        ("GFP_HIGHUSER", Gfp.User | GfpFlags.HighMem),
        ("GFP_USER", Gfp.User),
        ("GFP_KERNEL_ACCOUNT", Gfp.Kernel | GfpFlags.Account),
        ("GFP_KERNEL", Gfp.Kernel),
        ("GFP_NOFS", Gfp.NoFs),
        ("GFP_ATOMIC", Gfp.Atomic),
        ("GFP_NOIO", Gfp.NoIo),
        ("GFP_NOWAIT", Gfp.NoWait),
        ("GFP_DMA", GfpFlags.Dma),
        ("GFP_DMA32", GfpFlags.Dma32),
        ("__GFP_RECLAIM", Gfp.Reclaim),
        ("__GFP_DMA", GfpFlags.Dma),
        ("__GFP_HIGHMEM", GfpFlags.HighMem),
        ("__GFP_DMA32", GfpFlags.Dma32),
        ("__GFP_MOVABLE", GfpFlags.Movable),
        ("__GFP_RECLAIMABLE", GfpFlags.Reclaimable),
        ("__GFP_HIGH", GfpFlags.High),
        ("__GFP_IO", GfpFlags.Io),
        ("__GFP_FS", GfpFlags.Fs),
        ("__GFP_ZERO", GfpFlags.Zero),
        ("__GFP_DIRECT_RECLAIM", GfpFlags.DirectReclaim),
        ("__GFP_KSWAPD_RECLAIM", GfpFlags.KswapdReclaim),
        ("__GFP_WRITE", GfpFlags.Write),
        ("__GFP_NOWARN", GfpFlags.NoWarn),
        ("__GFP_RETRY_MAYFAIL", GfpFlags.RetryMayFail),
        ("__GFP_NOFAIL", GfpFlags.NoFail),
        ("__GFP_NORETRY", GfpFlags.NoRetry),
        ("__GFP_MEMALLOC", GfpFlags.MemAlloc),
        ("__GFP_COMP", GfpFlags.Comp),
        ("__GFP_NOMEMALLOC", GfpFlags.NoMemAlloc),
        ("__GFP_HARDWALL", GfpFlags.HardWall),
        ("__GFP_THISNODE", GfpFlags.ThisNode),
        ("__GFP_ACCOUNT", GfpFlags.Account),
    ];

    private static readonly GfpFlags Known = Enum.GetValues<GfpFlags>().Aggregate(GfpFlags.None, (a, f) => a | f);

    /// <summary>Parses "GFP_KERNEL|__GFP_NORETRY" or "0x820"; null and a reason when it cannot.</summary>
    public static GfpFlags? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var mask = GfpFlags.None;
        foreach (var raw in text.Split('|'))
        {
            var part = raw.Trim();
            if (part.StartsWith("0x", StringComparison.Ordinal) || part.StartsWith("0X", StringComparison.Ordinal))
            {
                if (!uint.TryParse(part.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits))
                {
                    error = $"'{part}' is not a 32-bit hex number";
                    return null;
                }

                // 0x200 and the config-dependent high bits have no meaning in the model.
                if ((bits & ~(uint)Known) != 0)
                {
                    error = $"{part} sets bits no __GFP_* flag of the model names (0x{bits & ~(uint)Known:x})";
                    return null;
                }

                mask |= (GfpFlags)bits;
                continue;
            }

            var named = All.FirstOrDefault(e => e.Name == part);
            if (named.Name is null)
            {
                error = part.Length == 0 ? $"empty flag in '{text}'" : $"unknown gfp flag '{part}'";
                return null;
            }

            mask |= named.Mask;
        }

        return mask;
    }

    /// <summary>The canonical text: greedy over All as show_gfp_flags prints it; "0x0" for no flags.</summary>
    public static string Format(GfpFlags flags)
    {
        if (flags == GfpFlags.None)
        {
            return "0x0";
        }

        var parts = new List<string>();
        var left = flags;
        foreach (var (name, mask) in All)
        {
            if (left != GfpFlags.None && (left & mask) == mask)
            {
                parts.Add(name);
                left &= ~mask;
            }
        }

        if (left != GfpFlags.None)
        {
            parts.Add($"0x{(uint)left:x}");
        }

        return string.Join('|', parts);
    }
}
