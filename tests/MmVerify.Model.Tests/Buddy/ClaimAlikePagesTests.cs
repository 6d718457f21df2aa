using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// checks try_to_claim_block(), mm/page_alloc.c: a non-movable request claims a MOVABLE pageblock when free plus
// "alike" (allocated, not PageLRU) pages reach half of it
public class ClaimAlikePagesTests
{
    [Theory]
    [InlineData(PageOwner.Slab, MigrateType.Unmovable)]    // 1 free + 3 alike >= 2: claimed
    [InlineData(PageOwner.LruAnon, MigrateType.Movable)]   // 1 free + 0 alike < 2: only stolen
    public void A_movable_pageblock_is_claimed_when_its_non_lru_pages_make_up_the_half(PageOwner owners, MigrateType typeAfter)
    {
        // One pageblock of 4 pages (pageblock_order = MAX_PAGE_ORDER = 2), all taken, page 3 freed again.
        var zone = Toy.Zone(4, new BuddyGeometry(2, 2));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(i, zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, owners));
        }

        zone.FreePages(3, 0);

        Assert.Equal(3, zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.None, PageOwner.Unmovable));
        Assert.Equal(typeAfter, zone.PageblockMigratetype(0));
        Assert.Equal(0, zone.NrFreePages);
    }
}
