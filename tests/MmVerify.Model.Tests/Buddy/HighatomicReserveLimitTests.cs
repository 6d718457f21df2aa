using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// checks the size limit of reserve_highatomic_pageblock(), mm/page_alloc.c: ALIGN(managed / 100, pageblock_nr_pages)
public class HighatomicReserveLimitTests
{
    [Theory]
    [InlineData(51200, 512, MigrateType.Movable)]   // 1% = 512 = one pageblock: room for exactly one
    [InlineData(51100, 0, MigrateType.Movable)]     // 1% = 511 < one pageblock: no reserve at all
    [InlineData(102400, 1024, MigrateType.HighAtomic)] // 1% = 1024: room for two pageblocks
    public void The_reserve_stops_at_one_percent_rounded_up_to_a_pageblock(long managed, long reserved, MigrateType secondType)
    {
        var zone = Toy.Zone(managed, BuddyGeometry.X86_64);
        var first = zone.Rmqueue(9, MigrateType.Movable, AllocFlags.HighAtomic, PageOwner.NetBuffer);
        var second = zone.Rmqueue(9, MigrateType.Movable, AllocFlags.HighAtomic, PageOwner.NetBuffer);

        zone.ReserveHighatomicPageblock(first, 9);
        zone.ReserveHighatomicPageblock(second, 9);

        Assert.Equal(reserved, zone.NrReservedHighatomic);
        Assert.Equal(secondType, zone.PageblockMigratetype(zone.PageblockOf(second)));
    }
}
