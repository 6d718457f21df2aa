using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>NodeLru as the kernel's list_head LRUs: lruvec_add_folio adds at the head, reclaim scans from the tail.</summary>
public class NodeLruListTests
{
    private static NodeLru NewLru(int memcgs = 1) => new([Toy.Zone(64, new BuddyGeometry(4, 2))], memcgs);

    private static FolioRef F(int page) => new(0, page);

    /// <summary>The list from tail to head, walked with TailOf and PrevOf as reclaim does.</summary>
    private static List<int> TailToHead(NodeLru lru, LruList list, int memcg = 0)
    {
        var pages = new List<int>();
        for (var f = lru.TailOf(memcg, list); f is { } folio; f = lru.PrevOf(folio))
        {
            pages.Add(folio.Page);
        }

        return pages;
    }

    [Fact]
    public void Added_folios_go_to_the_head_so_the_first_added_is_scanned_first()
    {
        var lru = NewLru();
        lru.Add(F(0), 0, LruList.InactiveFile, 0, 0, LruFlags.None);
        lru.Add(F(4), 2, LruList.InactiveFile, 0, 0, LruFlags.None);
        lru.Add(F(8), 1, LruList.InactiveFile, 0, 0, LruFlags.None);

        // list_add: 8 <-> 4 <-> 0, tail is the oldest
        Assert.Equal([0, 4, 8], TailToHead(lru, LruList.InactiveFile));
        Assert.True(lru.OnLru(F(4)));
        Assert.Equal(LruList.InactiveFile, lru.ListOf(F(4)));
        Assert.Equal(2, lru.OrderOf(F(4)));
    }

    [Fact]
    public void List_sizes_count_pages_not_folios_per_list_zone_and_node()
    {
        var lru = NewLru(memcgs: 2);
        lru.Add(F(0), 0, LruList.InactiveFile, 0, 0, LruFlags.None);
        lru.Add(F(4), 2, LruList.InactiveFile, 0, 0, LruFlags.None);
        lru.Add(F(8), 3, LruList.InactiveFile, 1, 0, LruFlags.None);
        lru.Add(F(16), 1, LruList.ActiveAnon, 1, 0, LruFlags.None);

        // memcg 0: 1 + 4 pages; memcg 1: 8 file pages and 2 anon pages
        Assert.Equal(5, lru.Lruvec(0).Size(LruList.InactiveFile));
        Assert.Equal(8, lru.Lruvec(1).Size(LruList.InactiveFile));
        Assert.Equal(13, lru.NodeSize(LruList.InactiveFile));
        Assert.Equal(13, lru.ZoneSize(0, LruList.InactiveFile));
        Assert.Equal(2, lru.ZoneSize(0, LruList.ActiveAnon));
        Assert.Equal(8, lru.Lruvec(1).FilePages);
        Assert.Equal(2, lru.Lruvec(1).AnonPages);
        Assert.Equal(5, lru.Lruvec(0).FilePages);
        Assert.Equal(0, lru.Lruvec(0).AnonPages);
        Assert.Equal(1, lru.MemcgOf(F(8)));
    }

    [Fact]
    public void A_folio_can_be_deleted_from_the_tail_the_middle_the_head_or_as_the_only_entry()
    {
        var lru = NewLru();
        foreach (var p in new[] { 0, 1, 2, 3, 4 })
        {
            lru.Add(F(p), 0, LruList.InactiveAnon, 0, 0, LruFlags.None);
        }

        lru.Del(F(0)); // tail
        Assert.Equal([1, 2, 3, 4], TailToHead(lru, LruList.InactiveAnon));
        lru.Del(F(2)); // middle
        Assert.Equal([1, 3, 4], TailToHead(lru, LruList.InactiveAnon));
        lru.Del(F(4)); // head
        Assert.Equal([1, 3], TailToHead(lru, LruList.InactiveAnon));
        Assert.Null(lru.PrevOf(F(3)));
        lru.Del(F(1));
        lru.Del(F(3)); // only entry
        Assert.Null(lru.TailOf(0, LruList.InactiveAnon));
        Assert.Equal(0, lru.NodeSize(LruList.InactiveAnon));
        Assert.Equal(0, lru.ZoneSize(0, LruList.InactiveAnon));

        // An empty list accepts a new folio as both head and tail.
        lru.Add(F(2), 1, LruList.InactiveAnon, 0, 0, LruFlags.None);
        Assert.Equal([2], TailToHead(lru, LruList.InactiveAnon));
        Assert.Equal(2, lru.NodeSize(LruList.InactiveAnon));
    }

    [Fact]
    public void A_deleted_folio_is_off_the_lru_and_cannot_be_deleted_twice()
    {
        var lru = NewLru();
        lru.Add(F(0), 0, LruList.InactiveFile, 0, 0, LruFlags.None);

        lru.Del(F(0));

        Assert.False(lru.OnLru(F(0)));
        Assert.Throws<InvalidOperationException>(() => lru.Del(F(0)));
    }

    [Fact]
    public void A_folio_already_on_an_lru_cannot_be_added_again()
    {
        var lru = NewLru();
        lru.Add(F(0), 0, LruList.InactiveFile, 0, 0, LruFlags.None);

        Assert.Throws<InvalidOperationException>(() => lru.Add(F(0), 0, LruList.ActiveFile, 0, 0, LruFlags.None));
        Assert.Equal(1, lru.NodeSize(LruList.InactiveFile));
    }

    [Fact]
    public void Moving_a_folio_goes_to_the_head_by_default_or_to_the_tail_when_asked()
    {
        var lru = NewLru();
        foreach (var p in new[] { 0, 1, 2 })
        {
            lru.Add(F(p), 1, LruList.InactiveFile, 0, 0, LruFlags.None);
        }

        lru.Move(F(0), LruList.InactiveFile); // rotate: tail to head
        Assert.Equal([1, 2, 0], TailToHead(lru, LruList.InactiveFile));
        lru.Move(F(2), LruList.InactiveFile, head: false);
        Assert.Equal([2, 1, 0], TailToHead(lru, LruList.InactiveFile));

        lru.Move(F(1), LruList.ActiveFile); // activation: two pages change list
        Assert.Equal([2, 0], TailToHead(lru, LruList.InactiveFile));
        Assert.Equal([1], TailToHead(lru, LruList.ActiveFile));
        Assert.Equal(4, lru.NodeSize(LruList.InactiveFile));
        Assert.Equal(2, lru.ZoneSize(0, LruList.ActiveFile));
        Assert.Equal(LruList.ActiveFile, lru.ListOf(F(1)));
    }

    [Fact]
    public void Flags_are_set_and_cleared_bit_by_bit()
    {
        var lru = NewLru();
        lru.Add(F(0), 0, LruList.InactiveFile, 0, 0, LruFlags.Hot);

        lru.SetFlags(F(0), LruFlags.Referenced | LruFlags.Dirty);
        Assert.Equal(LruFlags.Hot | LruFlags.Referenced | LruFlags.Dirty, lru.FlagsOf(F(0)));
        lru.ClearFlags(F(0), LruFlags.Referenced);
        Assert.Equal(LruFlags.Hot | LruFlags.Dirty, lru.FlagsOf(F(0)));
    }

    [Fact]
    public void Migrating_a_folio_moves_its_lru_state_to_the_new_page_at_the_head_of_the_same_list()
    {
        var lru = NewLru(memcgs: 2);
        lru.Add(F(0), 1, LruList.InactiveFile, 1, 7, LruFlags.Hot | LruFlags.Referenced);
        lru.Add(F(2), 1, LruList.InactiveFile, 1, 7, LruFlags.None);
        lru.Add(F(4), 1, LruList.InactiveFile, 1, 7, LruFlags.None);

        lru.Migrate(F(0), F(8));

        Assert.False(lru.OnLru(F(0)));
        Assert.True(lru.OnLru(F(8)));
        Assert.Equal([2, 4, 8], TailToHead(lru, LruList.InactiveFile, memcg: 1));
        Assert.Equal(LruFlags.Hot | LruFlags.Referenced, lru.FlagsOf(F(8)));
        Assert.Equal(1, lru.OrderOf(F(8)));
        Assert.Equal(1, lru.MemcgOf(F(8)));
        Assert.Equal(7, lru.TaskOf(F(8)));
        Assert.Equal(6, lru.Lruvec(1).Size(LruList.InactiveFile));
        Assert.Equal(6, lru.ZoneSize(0, LruList.InactiveFile));

        // The old page can take a new folio again.
        lru.Add(F(0), 0, LruList.ActiveAnon, 0, 0, LruFlags.None);
        Assert.True(lru.OnLru(F(0)));
    }

    [Fact]
    public void A_clone_is_independent_of_the_original()
    {
        var lru = NewLru();
        lru.Add(F(0), 0, LruList.InactiveFile, 0, 0, LruFlags.None);
        lru.Add(F(1), 0, LruList.InactiveFile, 0, 0, LruFlags.None);

        var copy = lru.Clone();
        lru.Del(F(0));
        lru.SetFlags(F(1), LruFlags.Dirty);

        Assert.Equal([0, 1], TailToHead(copy, LruList.InactiveFile));
        Assert.Equal(2, copy.NodeSize(LruList.InactiveFile));
        Assert.Equal(2, copy.ZoneSize(0, LruList.InactiveFile));
        Assert.Equal(LruFlags.None, copy.FlagsOf(F(1)));
        Assert.Equal(1, lru.NodeSize(LruList.InactiveFile));
    }

    [Fact]
    public void A_node_has_at_least_the_root_memcg()
    {
        var lru = NewLru(memcgs: 0);

        Assert.Single(lru.Lruvecs);
        Assert.Equal(0, lru.Lruvecs[0].Memcg);
    }
}
