using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Tests.Watermarks;

public class CheckTests
{
    private const AllocFlags Atomic = AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.Kswapd;

    // A 4096-page zone; the marks below are passed explicitly so the arithmetic is visible.
    private static Zone FreshZone() => Toy.Zone(4096, BuddyGeometry.X86_64);

    [Theory]
    [InlineData(AllocFlags.None, 1000)]                                  // no reserves: the full mark
    [InlineData(AllocFlags.NonBlock, 1000)]                              // GFP_NOWAIT: no reduction despite the 25% comment
    [InlineData(AllocFlags.MinReserve, 500)]                             // __GFP_HIGH: half
    [InlineData(AllocFlags.MinReserve | AllocFlags.NonBlock, 375)]       // GFP_ATOMIC: 37.5%
    [InlineData(AllocFlags.Oom, 500)]                                    // OOM victim: half
    [InlineData(AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.Oom, 188)] // 375 - 187
    public void Reserve_flags_lower_the_order_0_threshold(AllocFlags flags, long threshold)
    {
        var zone = FreshZone();

        // free must exceed the threshold: exactly equal fails, one more passes.
        Assert.False(WatermarkCheck.ZoneWatermarkOk(zone, 0, 1000, 0, flags, threshold));
        Assert.True(WatermarkCheck.ZoneWatermarkOk(zone, 0, 1000, 0, flags, threshold + 1));
    }

    [Fact]
    public void Lowmem_reserve_of_the_requests_highest_zone_is_added()
    {
        var zone = FreshZone();
        zone.LowmemReserve[0] = 300;

        Assert.False(WatermarkCheck.ZoneWatermarkOk(zone, 0, 100, 0, AllocFlags.None, 400));
        Assert.True(WatermarkCheck.ZoneWatermarkOk(zone, 0, 100, 0, AllocFlags.None, 401));
    }

    [Fact]
    public void High_order_needs_a_block_of_that_order_or_larger_in_a_mergeable_list()
    {
        var zone = Toy.Zone(16, new BuddyGeometry(4, 2));
        for (var i = 0; i < 16; i++)
        {
            zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
        }

        zone.FreePages(0, 0);
        zone.FreePages(1, 0); // one free order-1 block
        zone.FreePages(4, 0);
        zone.FreePages(6, 0);

        Assert.True(WatermarkCheck.ZoneWatermarkOk(zone, 1, 0, 0, AllocFlags.None));
        Assert.False(WatermarkCheck.ZoneWatermarkOk(zone, 2, 0, 0, AllocFlags.None));

        // (2^order - 1) pages are unusable for an order-k request: of 4 free pages an order-1 check
        // counts 3, which does not exceed a mark of 3, while order 0 counts all 4.
        Assert.False(WatermarkCheck.ZoneWatermarkOk(zone, 1, 3, 0, AllocFlags.None));
        Assert.True(WatermarkCheck.ZoneWatermarkOk(zone, 0, 3, 0, AllocFlags.None));
    }

    [Fact]
    public void A_free_block_of_another_mergeable_type_satisfies_the_high_order_check()
    {
        var zone = FreshZone(); // everything free and movable
        Assert.True(WatermarkCheck.ZoneWatermarkOk(zone, 10, 100, 0, AllocFlags.None));
    }

    [Fact]
    public void Highatomic_blocks_count_only_for_highatomic_or_oom_requests()
    {
        var zone = Toy.Zone(65536, BuddyGeometry.X86_64);
        var page = zone.Rmqueue(3, MigrateType.Unmovable, Atomic | AllocFlags.HighAtomic, PageOwner.NetBuffer);
        zone.ReserveHighatomicPageblock(page, 3);

        // Take every order >= 3 block outside the reserve.
        while (zone.Rmqueue(3, MigrateType.Movable, AllocFlags.NoFragment, PageOwner.LruAnon) >= 0)
        {
        }

        Assert.False(WatermarkCheck.ZoneWatermarkOk(zone, 3, 0, 0, AllocFlags.NonBlock));
        Assert.True(WatermarkCheck.ZoneWatermarkOk(zone, 3, 0, 0, AllocFlags.HighAtomic));
        Assert.True(WatermarkCheck.ZoneWatermarkOk(zone, 3, 0, 0, AllocFlags.Oom));
    }

    [Fact]
    public void Fast_check_accepts_order_0_above_the_full_mark()
    {
        var zone = FreshZone();
        Assert.True(WatermarkCheck.ZoneWatermarkFast(zone, 0, 4095, 0, AllocFlags.None));
        Assert.False(WatermarkCheck.ZoneWatermarkFast(zone, 0, 4096, 0, AllocFlags.None));
    }

    [Fact]
    public void A_boost_does_not_block_GFP_HIGH_order_0_at_the_min_mark()
    {
        var zone = FreshZone();
        zone.SetRawWatermarks(3000, 3500, 4000, 4500);
        zone.WatermarkBoost = 3000;

        // Boosted min 6000 halved for __GFP_HIGH is 3000 < 4096 free, passes anyway; make it tighter:
        zone.WatermarkBoost = 6000; // boosted min 9000, halved 4500 > 4096: the boosted check fails
        Assert.False(WatermarkCheck.ZoneWatermarkOk(zone, 0, zone.MinWmarkPages, 0, AllocFlags.MinReserve));

        // ... but zone_watermark_fast retries against the un-boosted min (3000, halved 1500).
        Assert.True(WatermarkCheck.ZoneWatermarkFast(zone, 0, zone.MinWmarkPages, 0, AllocFlags.MinReserve | AllocFlags.WmarkMin));

        // Not for the low mark, and not without __GFP_HIGH.
        Assert.False(WatermarkCheck.ZoneWatermarkFast(zone, 0, zone.LowWmarkPages, 0, AllocFlags.MinReserve | AllocFlags.WmarkLow));
        Assert.False(WatermarkCheck.ZoneWatermarkFast(zone, 0, zone.MinWmarkPages, 0, AllocFlags.None));
    }

    [Fact]
    public void Before_v5_9_the_boost_blocked_GFP_HIGH_order_0_at_the_min_mark()
    {
        var zone = FreshZone();
        zone.SetRawWatermarks(3000, 3500, 4000, 4500);
        zone.WatermarkBoost = 6000;
        var flags = AllocFlags.MinReserve | AllocFlags.WmarkMin;

        Assert.True(WatermarkCheck.ZoneWatermarkFast(zone, 0, zone.MinWmarkPages, 0, flags, new Variants.IgnoreBoostAtMinForHighOrder0()));
        Assert.False(WatermarkCheck.ZoneWatermarkFast(zone, 0, zone.MinWmarkPages, 0, flags, new Variants.BoostAppliesAtMin()));

        // Without a boost the two agree.
        zone.WatermarkBoost = 0;
        Assert.True(WatermarkCheck.ZoneWatermarkFast(zone, 0, zone.MinWmarkPages, 0, flags, new Variants.BoostAppliesAtMin()));
    }

    [Fact]
    public void CMA_blocks_and_CMA_pages_count_only_for_requests_that_may_use_CMA()
    {
        // One free order-3 block, on the CMA list: 8 free pages, all CMA.
        var areas = new OneBlock(3, MigrateType.Cma);

        Assert.False(WatermarkCheck.WatermarkOk(areas, 3, 0, 0, AllocFlags.None, 8, 0, 0));
        Assert.True(WatermarkCheck.WatermarkOk(areas, 3, 0, 0, AllocFlags.Cma, 8, 0, 0));

        // A larger block serves a smaller order, as for the other lists.
        Assert.True(WatermarkCheck.WatermarkOk(areas, 2, 0, 0, AllocFlags.Cma, 8, 0, 0));
        Assert.False(WatermarkCheck.WatermarkOk(areas, 4, 0, 0, AllocFlags.Cma, 16, 0, 0));

        // At order 0 the CMA pages are unusable without ALLOC_CMA: 8 - 8 does not exceed 0.
        Assert.False(WatermarkCheck.WatermarkOk(areas, 0, 0, 0, AllocFlags.None, 8, 0, 8));
        Assert.True(WatermarkCheck.WatermarkOk(areas, 0, 0, 0, AllocFlags.Cma, 8, 0, 8));
    }

    // A free-area view with a single free block.
    private readonly struct OneBlock(int order, MigrateType type) : IFreeAreaView
    {
        public int MaxPageOrder => 10;

        public long NrFree(int o) => o == order ? 1 : 0;

        public bool FreeAreaEmpty(int o, MigrateType mt) => o != order || mt != type;
    }
}
