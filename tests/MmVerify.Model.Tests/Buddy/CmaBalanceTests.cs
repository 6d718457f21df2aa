using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// __rmqueue(): an ALLOC_CMA request takes CMA pages first only while NR_FREE_CMA_PAGES > NR_FREE_PAGES / 2;
// otherwise its own type first, and CMA only when that is empty (before any fallback).
public class CmaBalanceTests
{
    private static Zone HalfCmaZone()
    {
        // 16 pages, pageblocks of 4: the top two pageblocks (pfn 8-15) are CMA.
        var zone = Toy.Zone(16, new BuddyGeometry(4, 2), cmaPages: 8);
        Assert.Equal(16, zone.NrFreePages);
        Assert.Equal(8, zone.NrFreeCmaPages);
        return zone;
    }

    [Fact]
    public void Exactly_half_CMA_is_not_more_than_half_so_the_movable_area_goes_first()
    {
        var zone = HalfCmaZone();

        // 8 > 16 / 2 is false.
        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.Cma, PageOwner.LruAnon);

        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetypeOfPage(page));
        Assert.Equal(8, zone.NrFreeCmaPages);
    }

    [Fact]
    public void One_page_later_CMA_holds_more_than_half_and_goes_first()
    {
        var zone = HalfCmaZone();
        zone.Rmqueue(0, MigrateType.Movable, AllocFlags.Cma, PageOwner.LruAnon);

        // 8 > 15 / 2 = 7.
        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.Cma, PageOwner.LruAnon);

        Assert.Equal(MigrateType.Cma, zone.PageblockMigratetypeOfPage(page));
        Assert.Equal(7, zone.NrFreeCmaPages);
    }

    [Fact]
    public void Without_ALLOC_CMA_a_movable_request_never_gets_CMA_pages()
    {
        var zone = HalfCmaZone();
        for (var i = 0; i < 8; i++)
        {
            Assert.NotEqual(-1, zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon));
        }

        Assert.Equal(-1, zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon));
        Assert.Equal(8, zone.NrFreeCmaPages);
    }

    [Fact]
    public void With_ALLOC_CMA_the_CMA_area_comes_before_any_fallback_when_the_movable_area_is_empty()
    {
        // 32 pages: pfn 0-15 made UNMOVABLE (a claimed and freed order-4 block), pfn 16-23 MOVABLE, 24-31 CMA.
        var zone = Toy.Zone(32, new BuddyGeometry(4, 2), cmaPages: 8);
        zone.FreePages(zone.Rmqueue(4, MigrateType.Unmovable, AllocFlags.None, PageOwner.Slab), 4);
        zone.Rmqueue(3, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon); // the movable area
        var events = zone.ExtfragEvents;
        Assert.Equal(24, zone.NrFreePages);

        // CMA 8 > 24 / 2 is false; MOVABLE is empty; CMA is tried before claiming from UNMOVABLE.
        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.Cma, PageOwner.LruAnon);

        Assert.Equal(MigrateType.Cma, zone.PageblockMigratetypeOfPage(page));
        Assert.Equal(events, zone.ExtfragEvents);
        Assert.Equal(7, zone.NrFreeCmaPages);
    }
}
