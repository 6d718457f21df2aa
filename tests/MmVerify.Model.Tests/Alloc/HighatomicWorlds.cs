using MmVerify.Model.Buddy;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>
/// One NORMAL zone of 1024 pages (min 32; 1% = 10 pages: up to 12 pages, three pageblocks, may be highatomic)
/// with every page taken except pageblocks 0, 2 and 4, which are reserved HIGHATOMIC and left free.
/// The taken pages are returned so a test can put some of them on the LRU.
/// </summary>
internal static class HighatomicWorlds
{
    public static (World World, TaskState Task, Zone Zone, List<int> Taken) ThreeFreeHighatomicBlocks()
    {
        var (world, task) = Toy.World(1024, new BuddyGeometry(4, 2));
        var zone = world.ZonesOf(0)[0];
        var taken = AllocWorlds.TakeAll(zone, MigrateType.Movable);

        // Pageblocks 0, 2 and 4 (pages 0-3, 8-11, 16-19): their buddies stay taken, so each is one free order-2 block.
        int[] blocks = [0, 8, 16];
        foreach (var start in blocks)
        {
            zone.ReserveHighatomicPageblock(start, 0);
            for (var page = start; page < start + 4; page++)
            {
                taken.Remove(page);
                zone.FreePages(page, 0);
            }
        }

        Assert.Equal(12, zone.NrReservedHighatomic);
        Assert.Equal(12, zone.NrFreeHighatomic);
        Assert.Equal(12, zone.NrFreePages);
        return (world, task, zone, taken);
    }
}
