using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Reclaim;

// checks shrink_list(), mm/vmscan.c: the active anon list is aged only when the inactive anon list is low,
// whatever the file lists look like
public class ActiveAnonAgingTests
{
    [Fact]
    public void Active_anon_is_left_alone_when_inactive_anon_is_not_low_even_if_inactive_file_is()
    {
        // Direct reclaim at priority 0 with swap: 4 dirty inactive anon folios rotate (no writeback), so
        // inactive anon 4 >= active anon 2 is not low; the file lists (0 inactive, 4 active) are low and
        // only the 4 active file folios are deactivated.
        var world = Worlds.OneZone("linux-7.2", swapPages: 10_000);
        for (var i = 0; i < 4; i++)
        {
            Folios.Add(world, LruList.InactiveAnon, LruFlags.Dirty);
            Folios.Add(world, LruList.ActiveFile);
        }

        Folios.Add(world, LruList.ActiveAnon);
        Folios.Add(world, LruList.ActiveAnon);

        Vmscan.ShrinkNode(world, 0, Folios.Direct(priority: 0));

        Assert.Equal(2, world.Lru[0].NodeSize(LruList.ActiveAnon));
        Assert.Equal(4, world.Lru[0].NodeSize(LruList.InactiveFile));
        Assert.Equal(4, world.Vm[VmEvent.Pgdeactivate]);
    }
}
