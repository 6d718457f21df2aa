using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.VariantPolicies;

// checks pgdat_balanced() under defrag_mode (mm/vmscan.c) and the NOFRAGMENT fallback of
// __alloc_pages_slowpath() (mm/page_alloc.c), mainline and seed 004 patch 3 as posted
public class DefragModePolicyTests
{
    [Theory]
    [InlineData(true, 1, true)]
    // Order 0 is balanced on free pages even in defrag_mode.
    [InlineData(true, 0, false)]
    [InlineData(false, 1, false)]
    public void Kswapd_balances_on_free_pageblocks_only_in_defrag_mode_above_order_0(bool defragMode, int order, bool expected)
    {
        var world = Worlds.OneZone("linux-7.2");
        world.Sysctls.DefragMode = defragMode;

        Assert.Equal(expected, new MainlineDefragMode().BalanceCountsFreeBlocks(world, order));
    }

    [Fact]
    public void The_posted_patch_keeps_only_nofragment_before_oom_and_only_in_defrag_mode()
    {
        // "alloc_flags &= ALLOC_NOFRAGMENT": every other flag is dropped, NOFRAGMENT kept.
        var world = Worlds.OneZone("linux-7.2");
        var policy = new DefragFallbackAsPosted();
        const AllocFlags flags = AllocFlags.NoFragment | AllocFlags.WmarkLow | AllocFlags.Cpuset;

        Assert.Null(policy.BeforeOom(world, flags));
        world.Sysctls.DefragMode = true;
        Assert.Equal(AllocFlags.NoFragment, policy.BeforeOom(world, flags));
        Assert.False(policy.NonBlockingMayDropNoFragment);
    }
}
