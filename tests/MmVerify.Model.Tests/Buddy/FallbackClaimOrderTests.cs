using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// should_try_claim_block(order, start_mt) takes the order of the free fallback block: at or above
// pageblock_order / 2 (9 / 2 = 4 on x86_64) a MOVABLE request tries to claim the block, which boosts
// the watermark even when the claim then fails; below it a MOVABLE request stops the claim scan and steals.
// fallbacks[]: UNMOVABLE and MOVABLE both try RECLAIMABLE first.
public class FallbackClaimOrderTests
{
    /// <summary>
    /// 4096 pages (eight pageblocks; boost_watermark() does nothing below four pageblocks), all allocated as
    /// UNMOVABLE order-0 pages, then pfn 0..n-1 freed.
    /// </summary>
    private static Zone UnmovableZoneWithFreeHead(int n)
    {
        var zone = Toy.Zone(4096, BuddyGeometry.X86_64);
        for (var i = 0; i < 4096; i++)
        {
            Assert.Equal(i, zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.None, PageOwner.Slab));
        }

        for (var i = 0; i < n; i++)
        {
            zone.FreePages(i, 0);
        }

        Assert.Equal(0, zone.WatermarkBoost);
        return zone;
    }

    [Fact]
    public void A_movable_request_tries_to_claim_a_fallback_block_of_half_pageblock_order()
    {
        var zone = UnmovableZoneWithFreeHead(16); // one free order-4 UNMOVABLE block

        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);

        // Claim tried at order 4: boost raised; 16 free + 0 movable < 256, so it fails and the request steals.
        Assert.Equal(0, page);
        Assert.True(zone.WatermarkBoost > 0);
        Assert.Equal(MigrateType.Unmovable, zone.PageblockMigratetype(0));
    }

    [Fact]
    public void A_movable_request_steals_from_a_fallback_block_below_half_pageblock_order_without_claiming()
    {
        var zone = UnmovableZoneWithFreeHead(8); // one free order-3 UNMOVABLE block
        var events = zone.ExtfragEvents;

        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);

        Assert.Equal(0, page);
        Assert.Equal(0, zone.WatermarkBoost);
        Assert.Equal(MigrateType.Unmovable, zone.PageblockMigratetype(0));
        Assert.Equal(events + 1, zone.ExtfragEvents);
        Assert.False(zone.LastExtfrag.ChangeOwnership);
    }

    [Theory]
    [InlineData(MigrateType.Unmovable)]
    [InlineData(MigrateType.Movable)]
    public void Unmovable_and_movable_requests_fall_back_to_reclaimable_first(MigrateType requester)
    {
        // 2048 pages: one free RECLAIMABLE order-10 block and one free block of the third type.
        var zone = Toy.Zone(2048, BuddyGeometry.X86_64);
        var other = requester == MigrateType.Movable ? MigrateType.Unmovable : MigrateType.Movable;
        // An UNMOVABLE block is made by claiming the first MOVABLE one (kept allocated meanwhile, or the
        // RECLAIMABLE request would claim it back), then the RECLAIMABLE one from the next MOVABLE block.
        var held = other == MigrateType.Unmovable ? zone.Rmqueue(10, other, AllocFlags.None, PageOwner.Slab) : -1;
        var reclaimable = zone.Rmqueue(10, MigrateType.Reclaimable, AllocFlags.None, PageOwner.Slab);
        if (held >= 0)
        {
            zone.FreePages(held, 10);
        }

        zone.FreePages(reclaimable, 10);

        Assert.Equal(1, zone.FreeListCount(10, MigrateType.Reclaimable));
        Assert.Equal(1, zone.FreeListCount(10, other));

        var page = zone.Rmqueue(0, requester, AllocFlags.None, PageOwner.Slab);

        Assert.Equal(MigrateType.Reclaimable, zone.LastExtfrag.FallbackMigratetype);
        Assert.Equal(requester, zone.PageblockMigratetypeOfPage(page));
        Assert.Equal(1, zone.FreeListCount(10, other));
    }
}
