using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>
/// Zones whose free memory is (almost) all CMA: <see cref="OnlyCmaFree"/> builds one NORMAL zone of 256 pages,
/// 128 of them CMA (MAX_PAGE_ORDER 4, pageblock_order 2, min 32, low 40); the other helpers work on any zone.
/// </summary>
internal static class CmaWorlds
{
    /// <summary>Every non-CMA page taken; CMA pages taken until cmaFree remain.</summary>
    public static (World World, TaskState Task, Zone Zone) OnlyCmaFree(long cmaFree)
    {
        var (world, task) = Toy.World(256, new BuddyGeometry(4, 2), cmaPages: 128);
        var zone = world.ZonesOf(0)[0];
        TakeAllButCma(zone);
        while (zone.NrFreePages > cmaFree)
        {
            zone.Rmqueue(0, MigrateType.Movable, AllocFlags.Cma, PageOwner.LruAnon);
        }

        Assert.Equal(cmaFree, zone.NrFreeCmaPages);
        return (world, task, zone);
    }

    /// <summary>Takes every non-CMA page of the zone as an unmovable kernel page; returns the pages taken.</summary>
    public static HashSet<int> TakeAllButCma(Zone zone)
    {
        var taken = new HashSet<int>();
        int page;
        // Without ALLOC_CMA the buddy never hands out CMA pages: this stops when only CMA is left.
        while ((page = zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.None, PageOwner.Unmovable)) >= 0)
        {
            taken.Add(page);
        }

        return taken;
    }

    /// <summary>
    /// Takes every non-CMA page of the zone, then frees the lowest aligned block of the given order whose pages
    /// were all taken: outside CMA that block is the only free memory.
    /// </summary>
    public static void OneFreeNonCmaBlock(Zone zone, int order)
    {
        var taken = TakeAllButCma(zone);
        var size = 1 << order;
        var start = taken.Where(p => p % size == 0).Order().First(p => Enumerable.Range(p, size).All(taken.Contains));
        for (var p = start; p < start + size; p++)
        {
            zone.FreePages(p, 0);
        }
    }
}
