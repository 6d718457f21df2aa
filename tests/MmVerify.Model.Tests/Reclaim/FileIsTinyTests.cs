using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Reclaim;

// checks prepare_scan_count()'s file_is_tiny (mm/vmscan.c): the file cache counted is the inactive plus the
// active file list
public class FileIsTinyTests
{
    [Fact]
    public void Active_file_pages_count_towards_the_file_cache()
    {
        // free = high - 9 after 10 file faults; 5 inactive + 5 active file: file + free = high + 1, not tiny,
        // so the swappiness split holds at priority 1: file (5 >> 1) * 140 / 200 = 1.
        var world = Worlds.OneZone("linux-7.2", swapPages: 100_000);
        world.Sysctls.PerCpuPages = false;
        var zone = Worlds.Zone(world);
        Worlds.FillTo(world, zone.HighWmarkPages + 1, LruList.InactiveAnon, PageOwner.LruAnon);
        for (var i = 0; i < 5; i++)
        {
            Folios.Add(world, LruList.InactiveFile);
            Folios.Add(world, LruList.ActiveFile);
        }

        var anon = world.Lru[0].NodeSize(LruList.InactiveAnon);

        Vmscan.ShrinkNode(world, 0, Folios.Kswapd(priority: 1, nrToReclaim: 100_000));

        Assert.Equal(1, world.Vm[VmEvent.PgstealFile]);
        Assert.Equal((anon >> 1) * 60 / 200, world.Vm[VmEvent.PgstealAnon]);
    }
}
