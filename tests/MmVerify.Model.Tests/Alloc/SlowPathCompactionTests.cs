using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>
/// __alloc_pages_slowpath's compaction steps on a toy zone whose free memory is all order-0 (every
/// other page taken by the kernel, nothing on the LRU): reclaim can make no progress, compaction has
/// nothing to migrate, but the zone has plenty of free memory, so compaction is "suitable" and runs.
/// </summary>
public class SlowPathCompactionTests
{
    private const int Pages = 256;

    // 256 pages, MAX_PAGE_ORDER 4, pageblock_order 2; min_free_kbytes 128 = 32 pages, so min is 32.
    private static (World World, TaskState Task) FragmentedWorld()
    {
        var (world, task) = Toy.World(Pages, new BuddyGeometry(4, 2));
        var zone = world.ZonesOf(0)[0];
        var taken = new List<int>();
        while (zone.NrFreePages > 0)
        {
            taken.Add(zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.NoWatermarks, PageOwner.Unmovable));
        }

        // Free the even pages: each one's buddy (the odd page next to it) stays taken, so nothing merges.
        foreach (var page in taken.Where(p => p % 2 == 0))
        {
            zone.FreePages(page, 0);
        }

        Assert.Equal(Pages / 2, zone.NrFreePages);
        Assert.Equal(Pages / 2, zone.NrFree(0));
        return (world, task);
    }

    [Fact]
    public void An_order_1_unmovable_request_compacts_once_before_reclaim_and_once_after_then_gives_up_without_reclaim_progress()
    {
        // Kernel (__alloc_pages_slowpath): GFP_KERNEL|__GFP_RETRY_MAYFAIL order 1, unmovable, not costly:
        //  1. get_page_from_freelist fails (no free block of order >= 1);
        //  2. "compact first" (order > 0 && migratetype != MOVABLE): __alloc_pages_direct_compact at
        //     INIT_COMPACT_PRIORITY; compaction_suitable (128 free > min 32 + gap) -> it runs: COMPACTSTALL 1;
        //     no __GFP_NORETRY: compact_priority stays INIT (sync light in the model's retry), go to retry;
        //  3. retry: direct reclaim frees nothing (no LRU pages), direct compaction again: COMPACTSTALL 2;
        //  4. should_reclaim_retry: no order-1 block even counting reclaimable pages -> false;
        //     did_some_progress == 0, so should_compact_retry is not asked;
        //  5. __alloc_pages_may_oom does not kill for __GFP_RETRY_MAYFAIL -> nopage.
        // So exactly two compaction stalls, both failing, and the allocation fails.
        // Kills: PageAllocator.cs:291 "order > 0 -> order < 0" (Stryker: 296): no compaction, stalls 0;
        // PageAllocator.cs:334 "didProgress > 0 && canCompact -> ||" (Stryker: 339): should_compact_retry
        // escalates the priority to SYNC_FULL and retries: a third stall.
        var (world, task) = FragmentedWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel | GfpFlags.RetryMayFail, 1, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.Equal(2, world.Vm[VmEvent.CompactStall]);
        Assert.Equal(2, world.Vm[VmEvent.CompactFail]);
        Assert.Equal(0, world.Vm[VmEvent.CompactSuccess]);
        Assert.Equal(1, world.Vm[VmEvent.AllocFailure]);
    }

    [Fact]
    public void A_NORETRY_order_1_request_compacts_twice_at_most_and_fails_without_livelock()
    {
        // Kernel: with __GFP_NORETRY the first compaction (compact first) is followed by one retry pass
        // (reclaim, compaction), then "if (gfp_mask & __GFP_NORETRY) goto nopage": two stalls.
        // Kills: PageAllocator.cs:291 "order > 0 -> order < 0" (no stall at all).
        var (world, task) = FragmentedWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel | GfpFlags.NoRetry, 1, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.Equal(2, world.Vm[VmEvent.CompactStall]);
        Assert.False(task.Stalled);
    }

    [Fact]
    public void An_order_0_request_never_enters_direct_compaction()
    {
        // Kernel: __alloc_pages_direct_compact returns at once for order 0 ("if (!order) return NULL"),
        // and an order-0 request in the fragmented zone (128 free pages, min 32) is served at once anyway.
        var (world, task) = FragmentedWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel, 0, PageOwner.Unmovable));

        Assert.True(outcome.Succeeded);
        Assert.Equal(0, world.Vm[VmEvent.CompactStall]);
        Assert.Equal(Pages / 2 - 1, world.ZonesOf(0)[0].NrFreePages);
    }
}
