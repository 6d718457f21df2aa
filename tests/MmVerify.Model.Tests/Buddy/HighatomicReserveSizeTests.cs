using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// reserve_highatomic_pageblock() / unreserve_highatomic_pageblock(): below pageblock_order a whole pageblock
// is re-typed (move_freepages_block) and counted as pageblock_nr_pages; at or above it the block's own
// pageblocks are re-typed (change_pageblock_range) and counted as 2^order. Unreserving takes
// max(pageblock_nr_pages, 2^order) off the count, never more than it holds.
public class HighatomicReserveSizeTests
{
    private const AllocFlags AtomicHighOrder = AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.HighAtomic | AllocFlags.Kswapd;

    // 65536 pages: 1% = 655, rounded up to 1024 = two pageblocks of 512.
    private static Zone Zone64k(long startPfn = 0) => Toy.Zone(65536, BuddyGeometry.X86_64, startPfn);

    [Fact]
    public void An_allocation_above_pageblock_order_reserves_all_its_pageblocks_and_counts_its_size()
    {
        var zone = Zone64k();
        var page = zone.Rmqueue(10, MigrateType.Movable, AtomicHighOrder, PageOwner.NetBuffer); // pfn 0-1023

        zone.ReserveHighatomicPageblock(page, 10);

        // change_pageblock_range over 2^(10-9) = 2 pageblocks; the count grows by 1 << 10.
        Assert.Equal(1024, zone.NrReservedHighatomic);
        Assert.Equal(MigrateType.HighAtomic, zone.PageblockMigratetype(0));
        Assert.Equal(MigrateType.HighAtomic, zone.PageblockMigratetype(1));
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(2));
        // No free page was in those pageblocks: nothing moved to the HIGHATOMIC lists.
        Assert.Equal(0, zone.NrFreeHighatomic);
    }

    [Fact]
    public void A_freed_reserved_block_above_pageblock_order_is_given_back_whole()
    {
        var zone = Zone64k();
        var page = zone.Rmqueue(10, MigrateType.Movable, AtomicHighOrder, PageOwner.NetBuffer);
        zone.ReserveHighatomicPageblock(page, 10);
        zone.FreePages(page, 10);

        // Both halves are HIGHATOMIC, so they merge back (same type at pageblock order).
        Assert.Equal(1, zone.FreeListCount(10, MigrateType.HighAtomic));
        Assert.Equal(1024, zone.NrFreeHighatomic);

        // 1024 reserved > one pageblock: allowed without force. size = max(512, 1 << 10) = 1024.
        Assert.True(zone.UnreserveHighatomicPageblock(MigrateType.Movable, force: false));

        Assert.Equal(0, zone.NrReservedHighatomic);
        Assert.Equal(0, zone.NrFreeHighatomic);
        Assert.Equal(65536, zone.NrFreePages);
        Assert.Equal(64, zone.FreeListCount(10, MigrateType.Movable));
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(0));
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(1));
    }

    [Fact]
    public void Unreserving_through_a_small_free_block_gives_back_one_whole_pageblock()
    {
        var zone = Zone64k();
        var a = zone.Rmqueue(3, MigrateType.Movable, AtomicHighOrder, PageOwner.NetBuffer); // pfn 0, pageblock 0
        zone.ReserveHighatomicPageblock(a, 3);
        var b = zone.Rmqueue(3, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon); // pfn 512, pageblock 1
        zone.ReserveHighatomicPageblock(b, 3);
        Assert.Equal(1024, zone.NrReservedHighatomic);
        Assert.Equal(2 * 504, zone.NrFreeHighatomic);

        // The first HIGHATOMIC block found is pageblock 0's order-3 block at pfn 8 (moved there first).
        // size = max(512, 8) = 512, taken off the count; move_freepages_block moves its 504 free pages.
        Assert.True(zone.UnreserveHighatomicPageblock(MigrateType.Unmovable, force: false));

        Assert.Equal(512, zone.NrReservedHighatomic);
        Assert.Equal(504, zone.NrFreeHighatomic);
        Assert.Equal(MigrateType.Unmovable, zone.PageblockMigratetype(0));
        Assert.Equal(MigrateType.HighAtomic, zone.PageblockMigratetype(1));
        Assert.Equal(1, zone.FreeListCount(3, MigrateType.Unmovable));
    }

    [Fact]
    public void Unreserving_a_block_larger_than_the_count_stops_the_count_at_zero()
    {
        var zone = Zone64k();

        // Reserving pageblock 0 while it lies inside a free order-10 block (a state the kernel's racy free
        // path can leave, and the reason for its min()) moves the whole 1024-page block to HIGHATOMIC
        // but counts one pageblock.
        zone.ReserveHighatomicPageblock(0, 3);
        Assert.Equal(512, zone.NrReservedHighatomic);
        Assert.Equal(1, zone.FreeListCount(10, MigrateType.HighAtomic));

        // size = max(512, 1024) = 1024; nr_reserved_highatomic -= min(1024, 512).
        Assert.True(zone.UnreserveHighatomicPageblock(MigrateType.Movable, force: true));

        Assert.Equal(0, zone.NrReservedHighatomic);
        Assert.Equal(0, zone.NrFreeHighatomic);
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(0));
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(1));
    }

    [Fact]
    public void A_pageblock_that_crosses_the_zone_start_is_not_reserved()
    {
        // The zone starts at pfn 256: pageblock 0 (pfn 0-511) is only half inside, so
        // move_freepages_block() returns -1 and nothing is reserved.
        var zone = Zone64k(startPfn: 256);
        var page = zone.Rmqueue(3, MigrateType.Movable, AtomicHighOrder, PageOwner.NetBuffer);
        Assert.Equal(0, zone.PageblockOf(page));

        zone.ReserveHighatomicPageblock(page, 3);

        Assert.Equal(0, zone.NrReservedHighatomic);
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(0));
        Assert.Equal(0, zone.NrFreeHighatomic);
    }

    [Fact]
    public void A_pageblock_already_reserved_is_not_counted_twice()
    {
        var zone = Zone64k();
        var a = zone.Rmqueue(3, MigrateType.Movable, AtomicHighOrder, PageOwner.NetBuffer);
        zone.ReserveHighatomicPageblock(a, 3);

        // The next one comes from the HIGHATOMIC list of the same pageblock: not mergeable, no new reserve.
        var b = zone.Rmqueue(3, MigrateType.Movable, AtomicHighOrder, PageOwner.NetBuffer);
        Assert.Equal(0, zone.PageblockOf(b));
        zone.ReserveHighatomicPageblock(b, 3);

        Assert.Equal(512, zone.NrReservedHighatomic);
    }

    [Fact]
    public void At_pageblock_order_the_reserve_retypes_the_pageblock_without_moving_free_pages()
    {
        var zone = Zone64k();

        // order 9 is not below pageblock_order: change_pageblock_range() only, no move_freepages_block().
        // Pageblock 0 lies in the free order-10 block at pfn 0, which stays on the MOVABLE list.
        zone.ReserveHighatomicPageblock(0, 9);

        Assert.Equal(512, zone.NrReservedHighatomic);
        Assert.Equal(MigrateType.HighAtomic, zone.PageblockMigratetype(0));
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(1));
        Assert.Equal(0, zone.NrFreeHighatomic);
        Assert.Equal(64, zone.FreeListCount(10, MigrateType.Movable));
    }
}
