namespace MmVerify.Model.Watermarks;

/// <summary>A zone's _watermark[WMARK_MIN .. WMARK_PROMO], without boost.</summary>
public readonly record struct WatermarkSet(long Min, long Low, long High, long Promo)
{
    public WatermarkSet Boosted(long boost) => new(Min + boost, Low + boost, High + boost, Promo + boost);
}
