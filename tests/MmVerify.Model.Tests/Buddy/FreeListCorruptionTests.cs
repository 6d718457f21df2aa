using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// checks the model's free_area list walkers (FreeListPages, FreeListLinksConsistent) on lists corrupted with the
// __add_to_free_list() / __del_page_from_free_list() primitives misused, as the property tests' faulty allocators do
public class FreeListCorruptionTests
{
    // 8 pages, one order-3 block; taking page 0 leaves 4 (order 2), 2 (order 1) and 1 (order 0) free.
    private static Zone Split()
    {
        var zone = Toy.Zone(8, new BuddyGeometry(3, 2));
        Assert.Equal(0, zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon));
        return zone;
    }

    [Fact]
    public void A_block_added_twice_loops_on_itself_and_the_walk_stops_one_step_past_the_count()
    {
        var zone = Split();

        zone.AddToFreeList(1, 0, MigrateType.Movable, tail: false);

        // Page 1 now links to itself; the list claims 2 blocks, so the walk gives up after 2 + 1 steps.
        Assert.Equal([1, 1, 1], zone.FreeListPages(0, MigrateType.Movable).Take(10).ToArray());
        Assert.False(zone.FreeListLinksConsistent(0, MigrateType.Movable));
        Assert.True(zone.FreeListLinksConsistent(1, MigrateType.Movable));
    }

    [Fact]
    public void A_list_whose_count_disagrees_with_its_links_is_inconsistent()
    {
        var zone = Split();
        Assert.True(zone.FreeListLinksConsistent(3, MigrateType.Movable));

        // Deleting page 1 from the empty order-3 list: head and tail stay empty, the count drops to -1.
        zone.DelFromFreeList(1, 3, MigrateType.Movable);

        Assert.Equal(-1, zone.FreeListCount(3, MigrateType.Movable));
        Assert.Empty(zone.FreeListPages(3, MigrateType.Movable));
        Assert.False(zone.FreeListLinksConsistent(3, MigrateType.Movable));
    }
}
