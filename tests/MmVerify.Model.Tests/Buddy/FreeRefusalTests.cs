using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// checks the head checks before __free_pages() (free_pages_prepare(), mm/page_alloc.c): a free must name
// the head and order that were allocated; and that only an allocated head can change owner
public class FreeRefusalTests
{
    private static readonly BuddyGeometry Geometry = new(3, 2);

    // 16 pages; one order-1 block allocated at index 0 (from the order-3 block at 0).
    private static Zone ZoneWithOrder1At0()
    {
        var zone = Toy.Zone(16, Geometry);
        Assert.Equal(0, zone.Rmqueue(1, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon));
        return zone;
    }

    [Theory]
    [InlineData(-1, 0)] // below the zone
    [InlineData(16, 0)] // one past the last page
    [InlineData(0, 0)]  // the right head, the wrong order
    [InlineData(0, 2)]
    [InlineData(2, 1)]  // a free head
    public void A_free_that_does_not_name_an_allocated_block_is_refused(int index, int order)
    {
        var zone = ZoneWithOrder1At0();

        Assert.Throws<InvalidOperationException>(() => zone.FreePages(index, order));

        // Nothing was released: the allocated head is intact.
        Assert.Equal(PageState.AllocatedHead, zone.StateAt(0));
        Assert.Equal(14, zone.NrFreePages);
    }

    [Fact]
    public void Only_an_allocated_head_changes_owner()
    {
        var zone = ZoneWithOrder1At0();

        zone.SetOwner(0, PageOwner.Slab);
        Assert.Equal(PageOwner.Slab, zone.OwnerAt(0));

        Assert.Throws<InvalidOperationException>(() => zone.SetOwner(2, PageOwner.Slab));
        Assert.Equal(PageOwner.None, zone.OwnerAt(2));
    }
}
