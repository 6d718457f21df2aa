using MmVerify.Model.Gfp;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.VariantPolicies;

// checks the seed-002 patches' trigger "(gfp_mask & GFP_ATOMIC) && order == 0" and their 10 s debounce
// time_after(jiffies, last + msecs_to_jiffies(10000)), include/linux/jiffies.h
public class AutotuneTriggerTests
{
    [Theory]
    [InlineData(Gfp.Gfp.Atomic, 0, true)]
    // GFP_KERNEL shares __GFP_KSWAPD_RECLAIM with GFP_ATOMIC: the bit test matches it too.
    [InlineData(Gfp.Gfp.Kernel, 0, true)]
    [InlineData(Gfp.Gfp.Atomic, 1, false)]
    // No bit in common with __GFP_HIGH | __GFP_KSWAPD_RECLAIM.
    [InlineData(GfpFlags.Movable | GfpFlags.Io, 0, false)]
    [InlineData(GfpFlags.None, 0, false)]
    public void The_trigger_is_any_common_bit_with_gfp_atomic_at_order_0(GfpFlags gfp, int order, bool expected)
    {
        Assert.Equal(expected, AutotuneBase.Triggers(gfp, order));
    }

    [Theory]
    // HZ = 100: the window is 1000 jiffies after last; time_after is strict.
    [InlineData(500u, 0u, false)]
    [InlineData(1000u, 0u, false)]
    [InlineData(1001u, 0u, true)]
    // last + 1000 wraps to 999; 4294967000 is before it by the signed difference.
    [InlineData(4294967000u, 4294967295u, false)]
    [InlineData(1000u, 4294967295u, true)]
    public void The_32_bit_debounce_opens_strictly_after_ten_seconds_across_wrap_around(uint now, uint last, bool expected)
    {
        Assert.Equal(expected, AutotuneV2.DebounceAllows32(now, last, 100));
    }
}
