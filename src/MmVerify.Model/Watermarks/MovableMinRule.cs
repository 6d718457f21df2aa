namespace MmVerify.Model.Watermarks;

/// <summary>
/// How __setup_per_zone_wmarks treats ZONE_MOVABLE, the one watermark rule that differs between the
/// kernels the oracle boots. Before "mm: Cap zone movable's min wmark to small value" (Ma Wupeng, 2022;
/// after 6.1) MOVABLE counted as lowmem and got the proportional MIN; since then it is capped like HIGHMEM.
/// </summary>
public enum MovableMinRule
{
    /// <summary>6.12 and later (the model's default): MOVABLE is left out of lowmem_pages and its MIN is managed/1024 clamped to 32..128.</summary>
    CappedLikeHighmem,

    /// <summary>6.1: MOVABLE counts in lowmem_pages and takes its proportional share as MIN.</summary>
    CountedAsLowmem,
}
