using MmVerify.Model.Gfp;

namespace MmVerify.Model.Variants;

// mirrors zone_watermark_fast(), mm/page_alloc.c, before v5.9 (f80b08fc4453): the boosted min applies to
// order-0 atomic requests too, so a fragmentation boost fails GFP_ATOMIC with the min reserve intact
public sealed class BoostAppliesAtMin : IAtomicMinBoostPolicy
{
    public bool IgnoresBoost(int order, AllocFlags allocFlags) => false;
}
