using MmVerify.Model.Buddy;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Watermarks;

// checks kswapd_shrink_node(), mm/vmscan.c: "return sc->nr_scanned >= sc->nr_to_reclaim", which keeps the priority
public class KswapdShrinkNodeTargetTests
{
    [Fact]
    public void Scanning_exactly_the_high_watermark_keeps_the_priority()
    {
        // min_free_kbytes 4992: MIN 1248, HIGH 1248 + 2 * 312 = 1872 pages = nr_to_reclaim.
        var world = Worlds.OneZone("linux-7.2", minFreeKbytes: 4992);
        var zone = Worlds.Zone(world);
        Assert.Equal(1872, zone.HighWmarkPages);
        zone.Sysctls.PerCpuPages = false;
        for (var i = 0; i < 1872 * 8; i++)
        {
            var page = zone.Rmqueue(0, MigrateType.Movable, Gfp.AllocFlags.None, PageOwner.LruFile);
            FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, LruList.InactiveFile, world.Tasks[0], LruFlags.None);
        }

        BalancePgdat.Begin(world, 0, 0, 0);
        var run = world.Reclaim[0].Run!;
        run.Priority = 3;

        BalancePgdat.Step(world, 0);

        Assert.Equal(1872, run.NrScanned);
        Assert.Equal(3, run.Priority);
    }
}
