using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// checks find_suitable_fallback(..., claimable=true), mm/page_alloc.c, as compaction's finish test asks it
public class ClaimableFallbackTests
{
    // 16 pages, pageblock order 2. An UNMOVABLE order-0 request claims the order-3 block at 0 whole:
    // pageblocks 0-1 become UNMOVABLE with 4 (order 2), 2 (order 1), 1 (order 0) free; 8 (order 3) stays MOVABLE.
    private static Zone ZoneWithUnmovableRemainders()
    {
        var zone = Toy.Zone(16, new BuddyGeometry(3, 2));
        Assert.Equal(0, zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.None, PageOwner.Unmovable));
        Assert.Equal([4], Toy.List(zone, 2, MigrateType.Unmovable));
        return zone;
    }

    [Theory]
    [InlineData(3, MigrateType.Unmovable, true)]   // MOVABLE order-3 block
    [InlineData(3, MigrateType.Movable, false)]    // only its own type at order 3
    [InlineData(2, MigrateType.Movable, true)]     // fallbacks[MOVABLE] = RECLAIMABLE, UNMOVABLE: UNMOVABLE is type 0
    [InlineData(1, MigrateType.Movable, true)]     // order 1 >= pageblock_order / 2: worth claiming
    [InlineData(0, MigrateType.Movable, false)]    // movable order 0 below pageblock_order / 2: should_try_claim_block says no
    [InlineData(0, MigrateType.Reclaimable, true)] // reclaimable requests always try; UNMOVABLE is its first fallback
    public void A_claimable_fallback_is_found_only_where_claiming_is_worthwhile(int order, MigrateType mt, bool expected)
    {
        var zone = ZoneWithUnmovableRemainders();

        Assert.Equal(expected, zone.HasClaimableFallback(order, mt));
    }
}
