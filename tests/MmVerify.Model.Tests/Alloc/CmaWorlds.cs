using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>One NORMAL zone of 256 pages, 128 of them CMA (MAX_PAGE_ORDER 4, pageblock_order 2, min 32, low 40).</summary>
internal static class CmaWorlds
{
    /// <summary>Every non-CMA page taken; CMA pages taken until cmaFree remain.</summary>
    public static (World World, TaskState Task, Zone Zone) OnlyCmaFree(long cmaFree)
    {
        var (world, task) = Toy.World(256, new BuddyGeometry(4, 2), cmaPages: 128);
        var zone = world.ZonesOf(0)[0];
        // Without ALLOC_CMA the buddy never hands out CMA pages: this stops when only CMA is left.
        while (zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.None, PageOwner.Unmovable) >= 0)
        {
        }

        while (zone.NrFreePages > cmaFree)
        {
            zone.Rmqueue(0, MigrateType.Movable, AllocFlags.Cma, PageOwner.LruAnon);
        }

        Assert.Equal(cmaFree, zone.NrFreeCmaPages);
        return (world, task, zone);
    }
}
