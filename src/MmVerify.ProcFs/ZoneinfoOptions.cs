namespace MmVerify.ProcFs;

/// <summary>The optional /proc/zoneinfo lines, which depend on the kernel version being imitated.</summary>
public sealed record ZoneinfoOptions
{
    /// <summary>Linux 7.2 and 6.18: every optional line the renderer knows.</summary>
    public static ZoneinfoOptions Linux7_2 { get; } = new();

    /// <summary>Linux 6.1: no promo line and no nr_free_pages_blocks counter.</summary>
    public static ZoneinfoOptions Linux6_1 { get; } = new() { Promo = false, NrFreePagesBlocks = false };

    /// <summary>"boost": printed since watermark boosting arrived (v5.0).</summary>
    public bool Boost { get; init; } = true;

    /// <summary>"promo": absent on 6.1, present by 6.12 (first version unconfirmed).</summary>
    public bool Promo { get; init; } = true;

    /// <summary>
    /// "cma": zone_cma_pages(). Printed even with CONFIG_CMA off (as 0): the 6.18 capture has the line
    /// while its pagetypeinfo has no CMA type. Absent on 4.x kernels.
    /// </summary>
    public bool Cma { get; init; } = true;

    /// <summary>The nr_free_pages_blocks counter (NR_FREE_PAGES_BLOCKS, ≈v6.15 and later).</summary>
    public bool NrFreePagesBlocks { get; init; } = true;
}
