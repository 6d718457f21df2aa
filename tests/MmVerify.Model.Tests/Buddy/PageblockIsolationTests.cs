using MmVerify.Model.Buddy;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// set_pageblock_isolate() + move_freepages_block_isolate() and unset_migratetype_isolate(): a pageblock
// inside a larger free buddy is split out (split_large_buddy frees the pieces through __free_one_page,
// so the pieces that stay unisolated merge again); on unisolation a free pageblock-sized (or larger, below
// MAX_PAGE_ORDER) head whose buddy is free and not isolated is taken off and freed again so it merges;
// otherwise its free pages are moved back to the tail of the pageblock type's lists.
public class PageblockIsolationTests
{
    [Fact]
    public void A_pageblock_is_isolated_only_once()
    {
        var zone = Toy.Zone(16, new BuddyGeometry(3, 2));

        Assert.True(zone.IsolatePageblock(1));
        Assert.False(zone.IsolatePageblock(1));

        Assert.Equal(12, zone.NrFreePages);
        Assert.Equal(1, zone.FreeListCount(2, MigrateType.Isolate));
    }

    [Fact]
    public void A_pageblock_that_crosses_the_zone_start_cannot_be_isolated()
    {
        // pfn 2-15: pageblock 0 is pfn 0-3, half outside the zone.
        var zone = Toy.Zone(14, new BuddyGeometry(3, 2), startPfn: 2);

        Assert.False(zone.IsolatePageblock(0));
        Assert.False(zone.PageblockIsolated(0));
        Assert.Equal(14, zone.NrFreePages);
    }

    [Fact]
    public void Unisolating_only_returns_true_for_an_isolated_pageblock()
    {
        var zone = Toy.Zone(16, new BuddyGeometry(3, 2));

        Assert.False(zone.UnisolatePageblock(1));
        Assert.Equal(new long[] { 0, 0, 0, 2 }, Toy.BuddyInfo(zone));
    }

    [Fact]
    public void An_unisolated_pageblock_merges_with_its_free_buddy()
    {
        // Two order-3 blocks of two pageblocks each; isolating pageblock 1 splits the first one.
        var zone = Toy.Zone(16, new BuddyGeometry(3, 2));
        Assert.True(zone.IsolatePageblock(1));
        Assert.Equal(new long[] { 0, 0, 2, 1 }, Toy.BuddyInfo(zone));

        // pfn 4 heads an order-2 block (= pageblock_order < MAX_PAGE_ORDER 3), its buddy pfn 0 is free MOVABLE.
        Assert.True(zone.UnisolatePageblock(1));

        Assert.Equal(new long[] { 0, 0, 0, 2 }, Toy.BuddyInfo(zone));
        Assert.Equal(new[] { 0, 8 }, Toy.List(zone, 3, MigrateType.Movable).Order().ToArray());
        Assert.Equal(16, zone.NrFreePages);
        Assert.False(zone.PageblockIsolated(1));
        Assert.Equal(MigrateType.Movable, zone.PageblockMigratetype(1));
    }

    [Fact]
    public void An_unisolated_pageblock_whose_buddy_is_isolated_just_moves_back()
    {
        var zone = Toy.Zone(16, new BuddyGeometry(3, 2));
        Assert.True(zone.IsolatePageblock(0));
        Assert.True(zone.IsolatePageblock(1));
        Assert.Equal(8, zone.NrFreePages);

        // The buddy (pageblock 0) is isolated: no merge, pfn 4 moves back to MOVABLE as an order-2 block.
        Assert.True(zone.UnisolatePageblock(1));

        Assert.Equal(12, zone.NrFreePages);
        Assert.Equal(new[] { 4 }, Toy.List(zone, 2, MigrateType.Movable));
        Assert.Equal(new[] { 0 }, Toy.List(zone, 2, MigrateType.Isolate));

        // Then pageblock 0 finds a free, unisolated buddy and merges.
        Assert.True(zone.UnisolatePageblock(0));
        Assert.Equal(new long[] { 0, 0, 0, 2 }, Toy.BuddyInfo(zone));
        Assert.Equal(16, zone.NrFreePages);
    }

    [Fact]
    public void A_max_order_block_is_moved_back_to_the_tail_without_a_merge_attempt()
    {
        // pageblock_order = MAX_PAGE_ORDER = 2: two order-2 blocks, freed at boot to the tail: [0, 4].
        var zone = Toy.Zone(8, new BuddyGeometry(2, 2));
        Assert.Equal(new[] { 0, 4 }, Toy.List(zone, 2, MigrateType.Movable));
        Assert.True(zone.IsolatePageblock(0));

        // order 2 is not below MAX_PAGE_ORDER: move_freepages_block_isolate() puts it at the tail.
        Assert.True(zone.UnisolatePageblock(0));

        Assert.Equal(new[] { 4, 0 }, Toy.List(zone, 2, MigrateType.Movable));
        Assert.Equal(8, zone.NrFreePages);
    }

    [Fact]
    public void Isolating_a_pageblock_of_a_larger_free_block_leaves_the_other_pieces_merged()
    {
        // One order-4 block of four order-2 pageblocks; isolate pageblock 2 (pfn 8-11).
        // split_large_buddy frees pfn 0 (no free buddy yet), pfn 4 (merges with 0: order 3 at 0),
        // pfn 8 to the ISOLATE list, pfn 12 (its buddy at 8 is ISOLATE: no merge).
        var zone = Toy.Zone(16, new BuddyGeometry(4, 2));

        Assert.True(zone.IsolatePageblock(2));

        Assert.Equal(new[] { 0 }, Toy.List(zone, 3, MigrateType.Movable));
        Assert.Equal(new[] { 12 }, Toy.List(zone, 2, MigrateType.Movable));
        Assert.Equal(new[] { 8 }, Toy.List(zone, 2, MigrateType.Isolate));
        Assert.Equal(12, zone.NrFreePages);
    }
}
