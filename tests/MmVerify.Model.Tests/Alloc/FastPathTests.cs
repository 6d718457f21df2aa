using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>The allocator's entry: the order limit, pgalloc accounting, and the highatomic reservation after success.</summary>
public class FastPathTests
{
    // MAX_PAGE_ORDER 4, pageblock_order 2; min_free_kbytes 128 = 32 pages: min 32, low 40, high 48.
    private static (World World, TaskState Task) NewWorld(long pages) => Toy.World(pages, new BuddyGeometry(4, 2));

    [Fact]
    public void An_order_above_MAX_PAGE_ORDER_fails_at_once_and_MAX_PAGE_ORDER_itself_is_served()
    {
        // __alloc_frozen_pages_noprof: "if (WARN_ON_ONCE_GFP(order > MAX_PAGE_ORDER, gfp)) return NULL;"
        // before any freelist or slow path (no allocation failure report, nothing taken).
        // Kills: PageAllocator.cs:27 "order > MaxPageOrder" -> ">=" (order 4 would fail) and the early return's removal.
        var (world, task) = NewWorld(256);
        var zone = world.ZonesOf(0)[0];

        var tooBig = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel, 5, PageOwner.Unmovable));
        Assert.False(tooBig.Succeeded);
        Assert.Equal(256, zone.NrFreePages);
        Assert.Equal(0, world.Vm[VmEvent.AllocFailure]);

        var max = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel, 4, PageOwner.Unmovable));
        Assert.True(max.Succeeded);
        Assert.Equal(256 - 16, zone.NrFreePages);
    }

    [Fact]
    public void Pgalloc_counts_two_to_the_order_pages_in_the_zone_served()
    {
        // pgalloc_normal += 1 << order (__count_zid_vm_events(PGALLOC, zid, 1 << order)).
        // Kills: "1L << request.Order" -> ">>" and the zone kind mapping of PgallocEvent.
        var (world, task) = NewWorld(256);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel, 2, PageOwner.Unmovable));

        Assert.True(outcome.Succeeded);
        Assert.Equal(0, outcome.Node);
        Assert.Equal(0, outcome.Zone);
        Assert.Equal(4, world.Vm[VmEvent.PgallocNormal]);
        Assert.Equal(0, world.Vm[VmEvent.PgallocDma32] + world.Vm[VmEvent.PgallocDma] + world.Vm[VmEvent.PgallocMovable]);
    }

    [Fact]
    public void A_high_order_GFP_ATOMIC_served_from_the_slow_path_reserves_a_highatomic_pageblock()
    {
        // 1024 pages: 1% = 10 >= one pageblock (4), so reserve_highatomic_pageblock may reserve up to 12 pages.
        // Free 36 pages: below low (40), so the fast path (ALLOC_WMARK_LOW) fails; the slow path's GFP_ATOMIC
        // flags (MIN_RESERVE|NON_BLOCK|HIGHATOMIC, min 32 -> 16 -> 12) admit it, and after an ALLOC_HIGHATOMIC
        // success get_page_from_freelist reserves the page's pageblock: nr_reserved_highatomic = 4.
        // Kills: "(flags & AllocFlags.HighAtomic) != 0" -> "== 0" and the removal of the reserve call.
        var (world, task) = NewWorld(1024);
        var zone = world.ZonesOf(0)[0];
        while (zone.NrFreePages > 36)
        {
            zone.Rmqueue(0, MigrateType.Movable, AllocFlags.NoWatermarks, PageOwner.LruAnon);
        }

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Atomic, 1, PageOwner.NetBuffer));

        Assert.True(outcome.Succeeded);
        Assert.Equal(4, zone.NrReservedHighatomic);
    }

    [Fact]
    public void A_fast_path_success_reserves_no_highatomic_pageblock()
    {
        // The fast path's flags (WMARK_LOW, KSWAPD, NOFRAGMENT/CMA preferences) never hold ALLOC_HIGHATOMIC.
        // Kills: "(flags & AllocFlags.HighAtomic) != 0" -> "== 0" (the fast path would reserve).
        var (world, task) = NewWorld(1024);
        var zone = world.ZonesOf(0)[0];

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Atomic, 1, PageOwner.NetBuffer));

        Assert.True(outcome.Succeeded);
        Assert.Equal(0, zone.NrReservedHighatomic);
    }
}
