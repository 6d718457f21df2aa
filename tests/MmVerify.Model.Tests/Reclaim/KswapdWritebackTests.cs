using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Reclaim;

// checks shrink_folio_list()'s dirty-folio path (mm/vmscan.c): scan_control.may_writepage is on unless a
// caller turns it off, so kswapd starts writeback of a dirty file folio and rotates it
public class KswapdWritebackTests
{
    [Fact]
    public void Kswapd_with_the_default_scan_control_writes_back_a_dirty_folio_and_rotates_it()
    {
        var world = Worlds.OneZone("linux-7.2");
        var folio = Folios.Add(world, LruList.InactiveFile, LruFlags.Dirty);

        Vmscan.ShrinkNode(world, 0, Folios.Kswapd(priority: 0));

        // Written back (no longer dirty) but not freed in this pass.
        Assert.Equal(LruFlags.None, world.Lru[0].FlagsOf(folio));
        Assert.Equal(1, world.Vm[VmEvent.Pgrotated]);
        Assert.Equal(1, world.Lru[0].NodeSize(LruList.InactiveFile));
    }
}
