using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>
/// shrink_inactive_list / shrink_folio_list through shrink_node at priority 0 (the whole list is the
/// scan target): referenced folios are activated, dirty ones rotated, clean ones freed.
/// </summary>
public class ShrinkInactiveListTests
{
    [Fact]
    public void Kswapd_frees_clean_folios_activates_referenced_ones_and_writes_back_dirty_ones()
    {
        var world = Worlds.OneZone("linux-7.2");
        var clean = Folios.Add(world, LruList.InactiveFile);
        var referenced = Folios.Add(world, LruList.InactiveFile, LruFlags.Referenced | LruFlags.Hot);
        var dirty = Folios.Add(world, LruList.InactiveFile, LruFlags.Dirty);
        var sc = Folios.Kswapd();

        Vmscan.ShrinkNode(world, 0, sc);

        // Scanned from the tail: clean (freed), referenced (to the active file list, reference
        // consumed), dirty (kswapd may write: cleaned, rotated to the head to be freed later).
        Assert.False(world.Lru[0].OnLru(clean));
        Assert.Equal([referenced.Page], Folios.TailToHead(world, LruList.ActiveFile));
        Assert.Equal(LruFlags.Hot, world.Lru[0].FlagsOf(referenced));
        Assert.Equal([dirty.Page], Folios.TailToHead(world, LruList.InactiveFile));
        Assert.Equal(LruFlags.None, world.Lru[0].FlagsOf(dirty));
        Assert.Equal(3, sc.NrScanned);
        Assert.Equal(1, sc.NrReclaimed);
        Assert.Equal(3, world.Vm[VmEvent.PgscanKswapd]);
        Assert.Equal(1, world.Vm[VmEvent.PgstealKswapd]);
        Assert.Equal(3, world.Vm[VmEvent.PgscanFile]);
        Assert.Equal(1, world.Vm[VmEvent.PgstealFile]);
        Assert.Equal(0, world.Vm[VmEvent.PgscanDirect] + world.Vm[VmEvent.PgstealDirect]);
        Assert.Equal(0, world.Vm[VmEvent.PgscanAnon] + world.Vm[VmEvent.PgstealAnon]);
        Assert.Equal(1, world.Vm[VmEvent.Pgactivate]);
        Assert.Equal(1, world.Vm[VmEvent.Pgrotated]);
        Assert.Equal(1, world.Vm[VmEvent.Pgfree]);

        // Cost: one shrink_node call, three pages scanned, one reclaimed (the model's Costs).
        var c = world.Costs;
        Assert.Equal(c.ShrinkNodeCall + (3 * c.ScanPage) + c.ReclaimPage, sc.CostNs);
    }

    [Fact]
    public void Direct_reclaim_does_not_write_back_dirty_file_folios_and_counts_as_direct()
    {
        var world = Worlds.OneZone("linux-7.2");
        var dirty = Folios.Add(world, LruList.InactiveFile, LruFlags.Dirty);
        Folios.Add(world, LruList.InactiveFile);
        var sc = Folios.Direct();

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal([dirty.Page], Folios.TailToHead(world, LruList.InactiveFile));
        Assert.Equal(LruFlags.Dirty, world.Lru[0].FlagsOf(dirty));
        Assert.Equal(2, world.Vm[VmEvent.PgscanDirect]);
        Assert.Equal(1, world.Vm[VmEvent.PgstealDirect]);
        Assert.Equal(0, world.Vm[VmEvent.PgscanKswapd] + world.Vm[VmEvent.PgstealKswapd]);
    }

    [Fact]
    public void Kswapd_without_may_writepage_leaves_dirty_folios_dirty()
    {
        var world = Worlds.OneZone("linux-7.2");
        var dirty = Folios.Add(world, LruList.InactiveFile, LruFlags.Dirty);
        var sc = Folios.Kswapd();
        sc.MayWritepage = false;

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(LruFlags.Dirty, world.Lru[0].FlagsOf(dirty));
        Assert.True(world.Lru[0].OnLru(dirty));
        Assert.Equal(0, sc.NrReclaimed);
    }

    [Fact]
    public void A_written_lazyfree_folio_on_the_file_list_becomes_active_anon_again()
    {
        // MADV_FREE pages sit on the file LRU; one written again is set swap-backed and activated,
        // so it lands on the active anon list (try_to_unmap_one -> activate_locked).
        var world = Worlds.OneZone("linux-7.2");
        var folio = Folios.Add(world, LruList.InactiveFile, LruFlags.LazyFree | LruFlags.Referenced);

        Vmscan.ShrinkNode(world, 0, Folios.Kswapd());

        Assert.Equal(LruList.ActiveAnon, world.Lru[0].ListOf(folio));
        Assert.Equal(LruFlags.None, world.Lru[0].FlagsOf(folio));
    }

    [Fact]
    public void An_unreferenced_lazyfree_folio_is_freed_without_swap()
    {
        var world = Worlds.OneZone("linux-7.2");
        var folio = Folios.Add(world, LruList.InactiveFile, LruFlags.LazyFree);

        var sc = Folios.Kswapd();
        Vmscan.ShrinkNode(world, 0, sc);

        Assert.False(world.Lru[0].OnLru(folio));
        Assert.Equal(1, sc.NrReclaimed);
        Assert.Equal(0, world.Vm[VmEvent.Pswpout]);
        Assert.Equal(0, world.Swap.UsedPages);
    }

    [Fact]
    public void Anon_folios_are_swapped_out_while_swap_has_room_and_activated_once_it_is_full()
    {
        // One page of swap: the first anon folio is written out, the second cannot be and is
        // activated (shrink_folio_list: add_to_swap fails -> activate_locked), the third is referenced.
        var world = Worlds.OneZone("linux-7.2", swapPages: 1);
        var swapped = Folios.Add(world, LruList.InactiveAnon);
        var noRoom = Folios.Add(world, LruList.InactiveAnon);
        var referenced = Folios.Add(world, LruList.InactiveAnon, LruFlags.Referenced);
        var sc = Folios.Kswapd();

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.False(world.Lru[0].OnLru(swapped));
        Assert.Equal(1, world.Swap.UsedPages);
        Assert.Equal(1, world.Vm[VmEvent.Pswpout]);
        Assert.Equal(3, world.Vm[VmEvent.PgscanAnon]);
        Assert.Equal(1, world.Vm[VmEvent.PgstealAnon]);
        Assert.Equal(2, world.Vm[VmEvent.Pgactivate]);

        // Then the inactive anon list (0 pages) is low against the active (2): shrink_lruvec ages
        // the active anon list, deactivating from its tail (noRoom first) and forgetting references.
        Assert.Equal([noRoom.Page, referenced.Page], Folios.TailToHead(world, LruList.InactiveAnon));
        Assert.Equal(LruFlags.None, world.Lru[0].FlagsOf(referenced));
        Assert.Equal(2, world.Vm[VmEvent.Pgdeactivate]);

        var c = world.Costs;
        Assert.Equal(c.ShrinkNodeCall + (3 * c.ScanPage) + c.ReclaimPage + (2 * c.ScanPage / 4), sc.CostNs);
    }

    [Fact]
    public void Without_may_swap_anon_lists_are_not_scanned()
    {
        var world = Worlds.OneZone("linux-7.2", swapPages: 100);
        var anon = Folios.Add(world, LruList.InactiveAnon);
        var sc = Folios.Kswapd();
        sc.MaySwap = false;

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.True(world.Lru[0].OnLru(anon));
        Assert.Equal(0, world.Vm[VmEvent.PgscanAnon]);
        Assert.Equal(0, world.Swap.UsedPages);
    }

    [Fact]
    public void A_large_folio_counts_all_its_pages()
    {
        var world = Worlds.OneZone("linux-7.2");
        Folios.Add(world, LruList.InactiveFile, order: 2);
        var sc = Folios.Kswapd();

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(4, sc.NrScanned);
        Assert.Equal(4, sc.NrReclaimed);
        Assert.Equal(4, world.Vm[VmEvent.Pgfree]);
        Assert.Equal(0, world.Tasks[0].LruPages);
    }
}
