using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

public class FallbackTests
{
    /// <summary>A 4096-page zone (8 pageblocks) with every page allocated as movable LRU anon, one by one.</summary>
    private static Zone FullOfMovablePages()
    {
        var zone = Toy.Zone(4096, BuddyGeometry.X86_64);
        for (var i = 0; i < 4096; i++)
        {
            Assert.Equal(i, zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon));
        }

        return zone;
    }

    [Fact]
    public void A_request_claims_a_whole_free_pageblock_of_another_type_without_boosting()
    {
        var zone = Toy.Zone(4096, BuddyGeometry.X86_64);

        var page = zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.Kswapd, PageOwner.Slab);

        Assert.Equal(0, page);
        Assert.Equal(MigrateType.Unmovable, zone.PageblockMigratetype(0));
        Assert.Equal(MigrateType.Unmovable, zone.PageblockMigratetype(1));
        Assert.Equal(0, zone.WatermarkBoost);
        Assert.True(zone.LastExtfrag.ChangeOwnership);
        Assert.False(zone.LastExtfrag.Fragmenting);
    }

    [Fact]
    public void Claiming_part_of_a_pageblock_boosts_the_watermark_and_retypes_the_block_when_half_is_free()
    {
        var zone = FullOfMovablePages();
        for (var i = 1536; i < 1836; i++)
        {
            zone.FreePages(i, 0); // 300 free pages in pageblock 3: orders 8, 5, 3, 2
        }

        var page = zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.Kswapd, PageOwner.Slab);

        // The largest fallback (order 8) is found; 300 free >= 256 so the block becomes unmovable,
        // and the allocation takes the smallest unmovable block.
        Assert.Equal(1832, page);
        Assert.Equal(MigrateType.Unmovable, zone.PageblockMigratetype(3));
        Assert.Equal(512, zone.WatermarkBoost);
        Assert.True((zone.Flags & ZoneFlags.BoostedWatermark) != 0);
        Assert.Equal(299, zone.NrFreePages);
        Assert.Equal(new ExtfragEvent(1832, 0, 8, MigrateType.Unmovable, MigrateType.Movable, Fragmenting: true, ChangeOwnership: true), zone.LastExtfrag);
    }

    [Fact]
    public void The_boost_happens_even_when_the_claim_fails_but_only_ALLOC_KSWAPD_sets_the_flag()
    {
        var zone = FullOfMovablePages();
        for (var i = 1536; i < 1536 + 32; i++)
        {
            zone.FreePages(i, 0); // 32 free pages: too few to claim the block
        }

        var page = zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.None, PageOwner.Slab);

        // Claim fails, so the request steals: the block stays movable.
        Assert.Equal(1536, page);
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(3));
        Assert.Equal(512, zone.WatermarkBoost);
        Assert.Equal(ZoneFlags.None, zone.Flags & ZoneFlags.BoostedWatermark);
        Assert.False(zone.LastExtfrag.ChangeOwnership);
    }

    [Fact]
    public void A_small_movable_request_steals_without_retyping_and_without_boost()
    {
        var zone = FullOfMovablePages();
        zone.SetPageblockMigratetype(0, MigrateType.Unmovable);
        zone.FreePages(0, 0);
        zone.FreePages(5, 0);

        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.Kswapd, PageOwner.LruFile);

        // should_try_claim_block is false for movable below order 4, so the scan stops and STEAL takes
        // the head of the unmovable order-0 list.
        Assert.Equal(5, page);
        Assert.Equal(MigrateType.Unmovable, zone.PageblockMigratetype(0));
        Assert.Equal(0, zone.WatermarkBoost);
        Assert.Equal(1, zone.ExtfragEvents);
    }

    [Fact]
    public void ALLOC_NOFRAGMENT_forbids_stealing_and_claiming_below_pageblock_order()
    {
        var zone = FullOfMovablePages();
        zone.SetPageblockMigratetype(0, MigrateType.Unmovable);
        zone.FreePages(0, 0);

        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.NoFragment, PageOwner.LruFile);

        Assert.Equal(-1, page);
        Assert.Equal(1, zone.NrFreePages);
    }

    [Fact]
    public void Reclaimable_falls_back_to_unmovable_before_movable()
    {
        var zone = Toy.Zone(2048, BuddyGeometry.X86_64);
        zone.SetPageblockMigratetype(2, MigrateType.Unmovable);
        zone.SetPageblockMigratetype(3, MigrateType.Unmovable);
        zone.FreePages(zone.Rmqueue(10, MigrateType.Unmovable, AllocFlags.None, PageOwner.Slab), 10);

        var page = zone.Rmqueue(0, MigrateType.Reclaimable, AllocFlags.None, PageOwner.Slab);

        Assert.Equal(MigrateType.Unmovable, zone.LastExtfrag.FallbackMigratetype);
        Assert.Equal(MigrateType.Reclaimable, zone.PageblockMigratetypeOfPage(page));
    }

    [Fact]
    public void Two_mergeable_types_merge_at_pageblock_order_and_the_buddy_takes_the_type()
    {
        // Pageblocks of 2 pages: page 0-1 unmovable, 2-3 movable.
        var zone = Toy.Zone(4, new BuddyGeometry(2, 1));
        Assert.Equal(0, zone.Rmqueue(1, MigrateType.Unmovable, AllocFlags.None, PageOwner.Slab));
        Assert.Equal(2, zone.Rmqueue(1, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon));
        Assert.Equal(MigrateType.Unmovable, zone.PageblockMigratetype(0));
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(1));

        zone.FreePages(0, 1);
        zone.FreePages(2, 1);

        Assert.Equal(new long[] { 0, 0, 1 }, Toy.BuddyInfo(zone));
        Assert.Equal(1, zone.FreeListCount(2, MigrateType.Movable));
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(0));
    }

    [Fact]
    public void A_CMA_pageblock_never_merges_with_a_movable_one()
    {
        var zone = Toy.Zone(4, new BuddyGeometry(2, 1), cmaPages: 2);

        Assert.Equal(new long[] { 0, 2, 0 }, Toy.BuddyInfo(zone));
        Assert.Equal(2, zone.NrFreeCmaPages);
        Assert.Equal(4, zone.NrFreePages);
    }
}
