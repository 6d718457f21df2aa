using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

// checks the __gfp_pfmemalloc_flags() override in __alloc_pages_slowpath(), mm/page_alloc.c
/// <summary>
/// After the override the flags are exactly ALLOC_NO_WATERMARKS | ALLOC_CMA (movable only) | the old
/// ALLOC_KSWAPD bit (KERNEL.md 4.3): everything else of gfp_to_alloc_flags, ALLOC_NON_BLOCK included, is gone.
/// </summary>
public class ReserveOverrideTests
{
    /// <summary>
    /// 1024 pages (1% = 10 >= one pageblock: a highatomic reserve is allowed). A GFP_ATOMIC order-1 allocation at
    /// 36 free pages (below LOW 40, above the atomic min 12) reserves its pageblock (nr_reserved_highatomic 4):
    /// its other 2 pages stay free as HIGHATOMIC. Every other page is then taken: only those 2 are free.
    /// </summary>
    internal static (World World, TaskState Task, Zone Zone) HighatomicOnlyWorld()
    {
        var (world, task) = Toy.World(1024, new BuddyGeometry(4, 2));
        var zone = world.ZonesOf(0)[0];
        while (zone.NrFreePages > 36)
        {
            zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.None, PageOwner.Unmovable);
        }

        Assert.True(PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Atomic, 1, PageOwner.NetBuffer)).Succeeded);
        while (zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.None, PageOwner.Unmovable) >= 0)
        {
        }

        Assert.Equal(2, zone.NrFreeHighatomic);
        Assert.Equal(2, zone.NrFreePages);
        Assert.Equal(4, zone.NrReservedHighatomic);
        return (world, task, zone);
    }

    [Fact]
    public void A_movable_MEMALLOC_request_keeps_ALLOC_CMA_and_takes_a_CMA_page_below_min()
    {
        // 10 free pages, all CMA, far below min 32: the slow path's MIN check fails; the override ignores
        // watermarks and keeps ALLOC_CMA (movable), so the retry takes a CMA page.
        var (world, task, zone) = CmaWorlds.OnlyCmaFree(10);
        var gfp = Gfp.Gfp.NoWait | GfpFlags.MemAlloc | GfpFlags.Movable;

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, gfp, 0, PageOwner.LruAnon));

        Assert.Equal(new AllocOutcome(0, 0, outcome.Page, 1250, false), outcome);
        Assert.Equal(9, zone.NrFreeCmaPages);
    }

    [Fact]
    public void A_MEMALLOC_request_loses_ALLOC_NON_BLOCK_and_with_it_the_highatomic_last_resort()
    {
        // Only 2 free pages, both HIGHATOMIC. GFP_NOWAIT|__GFP_MEMALLOC: before the override ALLOC_NON_BLOCK
        // is set but the MIN check (2 <= 32) fails; after it the flags are NO_WATERMARKS|KSWAPD, and without
        // ALLOC_NON_BLOCK or ALLOC_OOM rmqueue may not fall back to the HIGHATOMIC lists: the request fails.
        var (world, task, zone) = HighatomicOnlyWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.NoWait | GfpFlags.MemAlloc, 0, PageOwner.Unmovable));

        Assert.Equal(new AllocOutcome(-1, -1, -1, 1250, false), outcome);
        Assert.Equal(2, zone.NrFreeHighatomic);
    }
}
