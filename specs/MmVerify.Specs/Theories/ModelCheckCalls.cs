using MmVerify.Model.Watermarks;

namespace MmVerify.Specs.Theories;

/// <summary>The model's __zone_watermark_ok() on plain numbers and a bit set of non-empty free lists.</summary>
public static class ModelCheckCalls
{
    public static bool WatermarkOk(int order, long mark, long lowmemReserve, Model.Gfp.AllocFlags flags, long free, long highatomic, long cma, UInt128 areas) =>
        WatermarkCheck.WatermarkOk(new FreeAreaBits(areas), order, mark, lowmemReserve, flags, free, highatomic, cma);
}
