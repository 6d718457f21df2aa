using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Tests.Buddy;

public class ReserveAndIsolationTests
{
    private const AllocFlags AtomicHighOrder = AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.HighAtomic | AllocFlags.Kswapd;

    [Fact]
    public void A_high_order_atomic_allocation_reserves_its_pageblock_up_to_one_percent()
    {
        var zone = Toy.Zone(65536, BuddyGeometry.X86_64); // 1% = 655 pages: room for two pageblocks

        var page = zone.Rmqueue(3, MigrateType.Unmovable, AtomicHighOrder, PageOwner.NetBuffer);
        zone.ReserveHighatomicPageblock(page, 3);

        Assert.Equal(MigrateType.HighAtomic, zone.PageblockMigratetypeOfPage(page));
        Assert.Equal(512, zone.NrReservedHighatomic);
        Assert.Equal(504, zone.NrFreeHighatomic);
        Assert.Equal(504 + 7, WatermarkCheck.ZoneWatermarkUnusableFree(zone, 3, AllocFlags.None));
        Assert.Equal(7, WatermarkCheck.ZoneWatermarkUnusableFree(zone, 3, AtomicHighOrder));
    }

    [Fact]
    public void The_reserve_stops_exactly_at_one_percent_rounded_up_to_pageblocks()
    {
        var zone = Toy.Zone(65536, BuddyGeometry.X86_64); // 1% = 655, rounded up to 1024: two pageblocks

        zone.ReserveHighatomicPageblock(0, 3);
        zone.ReserveHighatomicPageblock(512, 3);
        zone.ReserveHighatomicPageblock(1024, 3);

        Assert.Equal(1024, zone.NrReservedHighatomic);
        Assert.Equal(MigrateType.HighAtomic, zone.PageblockMigratetypeOfPage(512));
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetypeOfPage(1024));
    }

    [Fact]
    public void Compaction_isolates_a_free_block_only_above_min_plus_its_size()
    {
        var zone = Toy.Zone(4096, BuddyGeometry.X86_64);
        zone.SetRawWatermarks(1000, 1100, 1200, 1300);
        while (zone.NrFreePages > 1008)
        {
            zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
        }

        // 1008 free pages = blocks of order 4 to 9; take 8 pages from the order-4 one.
        var head = zone.FreeListPages(4, MigrateType.Movable).Single();

        // free 1008 does not exceed min 1000 + 8.
        Assert.False(zone.IsolateFreeBlock(head, 3, PageOwner.LruAnon));

        // Above the mark, but the block is smaller than the request.
        zone.SetRawWatermarks(900, 1100, 1200, 1300);
        Assert.False(zone.IsolateFreeBlock(head, 5, PageOwner.LruAnon));

        zone.SetRawWatermarks(999, 1100, 1200, 1300);
        Assert.True(zone.IsolateFreeBlock(head, 3, PageOwner.LruAnon));
        Assert.Equal(1000, zone.NrFreePages);
        Assert.Equal(1, zone.FreeListCount(3, MigrateType.Movable));
    }

    [Fact]
    public void No_reserve_when_one_percent_of_the_zone_is_below_a_pageblock()
    {
        var zone = Toy.Zone(32768, BuddyGeometry.X86_64); // 1% = 327 < 512

        var page = zone.Rmqueue(3, MigrateType.Unmovable, AtomicHighOrder, PageOwner.NetBuffer);
        zone.ReserveHighatomicPageblock(page, 3);

        Assert.Equal(0, zone.NrReservedHighatomic);
    }

    [Fact]
    public void The_last_reserved_pageblock_is_released_only_when_forced()
    {
        var zone = Toy.Zone(65536, BuddyGeometry.X86_64);
        var page = zone.Rmqueue(3, MigrateType.Unmovable, AtomicHighOrder, PageOwner.NetBuffer);
        zone.ReserveHighatomicPageblock(page, 3);

        Assert.False(zone.UnreserveHighatomicPageblock(MigrateType.Movable, force: false));
        Assert.True(zone.UnreserveHighatomicPageblock(MigrateType.Movable, force: true));

        Assert.Equal(0, zone.NrReservedHighatomic);
        Assert.Equal(0, zone.NrFreeHighatomic);
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetypeOfPage(page));
    }

    [Fact]
    public void Highatomic_reserves_serve_non_blocking_requests_as_a_last_resort()
    {
        var zone = Toy.Zone(65536, BuddyGeometry.X86_64);
        var page = zone.Rmqueue(3, MigrateType.Unmovable, AtomicHighOrder, PageOwner.NetBuffer);
        zone.ReserveHighatomicPageblock(page, 3);
        while (zone.Rmqueue(0, MigrateType.Movable, AllocFlags.NoFragment, PageOwner.LruAnon) >= 0)
        {
        }

        Assert.Equal(-1, zone.Rmqueue(0, MigrateType.Movable, AllocFlags.NoFragment, PageOwner.LruAnon));
        var atomic = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.NoFragment | AllocFlags.NonBlock, PageOwner.NetBuffer);
        Assert.Equal(MigrateType.HighAtomic, zone.PageblockMigratetypeOfPage(atomic));
    }

    [Fact]
    public void Isolated_free_pages_leave_the_counters_and_merge_back_when_released()
    {
        var zone = Toy.Zone(2048, BuddyGeometry.X86_64);

        Assert.True(zone.IsolatePageblock(1));

        Assert.Equal(1536, zone.NrFreePages);
        Assert.Equal(1536, zone.NrFreePagesBlocks);
        Assert.Equal(1, zone.FreeListCount(9, MigrateType.Isolate));
        Assert.Equal(MigrateType.Isolate, zone.PageblockMigratetype(1));
        Assert.Equal(MigrateType.Movable, zone.PageblockTypeBits(1));

        Assert.True(zone.UnisolatePageblock(1));

        Assert.Equal(2048, zone.NrFreePages);
        Assert.Equal(2, zone.NrFree(10));
        Assert.Equal(0, zone.NrFree(9));
    }

    [Fact]
    public void Movable_requests_use_CMA_first_when_CMA_holds_more_than_half_the_free_pages()
    {
        var zone = Toy.Zone(4096, BuddyGeometry.X86_64, cmaPages: 1024);
        Assert.Equal(1024, zone.NrFreeCmaPages);
        Assert.Equal(1024, WatermarkCheck.ZoneWatermarkUnusableFree(zone, 0, AllocFlags.None));
        Assert.Equal(0, WatermarkCheck.ZoneWatermarkUnusableFree(zone, 0, AllocFlags.Cma));

        // Use up the regular movable memory: then CMA exceeds half of what is free.
        for (var i = 0; i < 3; i++)
        {
            zone.Rmqueue(10, MigrateType.Movable, AllocFlags.Cma, PageOwner.LruAnon);
        }

        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.Cma, PageOwner.LruAnon);
        Assert.Equal(MigrateType.Cma, zone.PageblockMigratetypeOfPage(page));
        Assert.Equal(1023, zone.NrFreeCmaPages);

        // Unmovable requests never get CMA pages.
        Assert.Equal(-1, zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.None, PageOwner.Slab));
    }
}
