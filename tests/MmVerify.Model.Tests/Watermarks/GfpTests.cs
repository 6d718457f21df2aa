using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.Watermarks;

public class GfpTests
{
    [Fact]
    public void Composite_masks_have_the_kernels_values()
    {
        Assert.Equal(0xcc0u, (uint)Gfp.Gfp.Kernel);
        Assert.Equal(0x820u, (uint)Gfp.Gfp.Atomic);
        Assert.Equal(0x2800u, (uint)Gfp.Gfp.NoWait);
        Assert.Equal(0x100ccau, (uint)Gfp.Gfp.HighUserMovable);
    }

    [Fact]
    public void GFP_ATOMIC_order_0_gets_min_reserve_non_block_and_kswapd_but_no_cpuset()
    {
        var flags = GfpRules.GfpToAllocFlags(Gfp.Gfp.Atomic, 0, defragMode: false);
        Assert.Equal(AllocFlags.WmarkMin | AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.Kswapd, flags);
    }

    [Fact]
    public void GFP_ATOMIC_above_order_0_may_use_highatomic_reserves()
    {
        var flags = GfpRules.GfpToAllocFlags(Gfp.Gfp.Atomic, 3, defragMode: false);
        Assert.True((flags & AllocFlags.HighAtomic) != 0);
    }

    [Fact]
    public void GFP_KERNEL_is_min_watermark_with_cpuset_and_kswapd()
    {
        Assert.Equal(AllocFlags.WmarkMin | AllocFlags.Cpuset | AllocFlags.Kswapd, GfpRules.GfpToAllocFlags(Gfp.Gfp.Kernel, 0, false));
        Assert.Equal(AllocFlags.WmarkMin | AllocFlags.Cpuset | AllocFlags.Kswapd | AllocFlags.MinReserve, GfpRules.GfpToAllocFlags(Gfp.Gfp.Kernel, 0, false, rtTask: true));
    }

    [Fact]
    public void The_network_order_3_attempt_is_non_blocking_without_min_reserve()
    {
        // skb_page_frag_refill's order-3 gfp from GFP_KERNEL: 0x528c0 (KERNEL.md 4.6).
        const GfpFlags frag = (GfpFlags)0x528c0;
        var flags = GfpRules.GfpToAllocFlags(frag, 3, defragMode: false);
        Assert.Equal(AllocFlags.WmarkMin | AllocFlags.Cpuset | AllocFlags.NonBlock | AllocFlags.Kswapd, flags);

        // page_frag_cache adds __GFP_NOMEMALLOC: no reserves at all.
        var rx = GfpRules.GfpToAllocFlags(frag | GfpFlags.NoMemAlloc, 3, defragMode: false);
        Assert.Equal(AllocFlags.WmarkMin | AllocFlags.Cpuset | AllocFlags.Kswapd, rx);
    }

    [Fact]
    public void Movable_requests_may_use_CMA_and_defrag_mode_adds_NOFRAGMENT()
    {
        var flags = GfpRules.GfpToAllocFlags(Gfp.Gfp.HighUserMovable, 0, defragMode: true);
        Assert.True((flags & AllocFlags.Cma) != 0);
        Assert.True((flags & AllocFlags.NoFragment) != 0);
    }

    [Theory]
    [InlineData(0xcc0u, MigrateType.Unmovable, ZoneKind.Normal)]
    [InlineData(0x100ccau, MigrateType.Movable, ZoneKind.Movable)]
    [InlineData(0xcc8u, MigrateType.Movable, ZoneKind.Normal)]
    [InlineData(0xcd0u, MigrateType.Reclaimable, ZoneKind.Normal)]
    [InlineData(0xcc4u, MigrateType.Unmovable, ZoneKind.Dma32)]
    [InlineData(0xcc1u, MigrateType.Unmovable, ZoneKind.Dma)]
    public void Gfp_gives_migratetype_and_highest_zone(uint gfp, MigrateType mt, ZoneKind zone)
    {
        Assert.Equal(mt, GfpRules.GfpMigratetype((GfpFlags)gfp));
        Assert.Equal(zone, GfpRules.GfpZone((GfpFlags)gfp));
    }
}
