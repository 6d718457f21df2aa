using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

// checks the compact_first decision of __alloc_pages_slowpath(), mm/page_alloc.c (KERNEL.md 4.4)
/// <summary>
/// compact_first = can_compact (DIRECT_RECLAIM and __GFP_IO) and (costly order, or order > 0 and not movable):
/// such requests try direct compaction before direct reclaim. The zone (256 pages, min 32) has every odd
/// page on the inactive file LRU (clean, reclaimable) and every even page free, so no free block above
/// order 0 exists until reclaim frees odd pages next to the free even ones: a request that reclaims first
/// is served right after its first direct reclaim, with no compaction stall.
/// </summary>
public class CompactFirstTests
{
    private static (World World, TaskState Task) FileInterleavedWorld(long free)
    {
        var (world, task) = Toy.World(256, new BuddyGeometry(4, 2));
        var zone = world.ZonesOf(0)[0];
        foreach (var page in AllocWorlds.TakeAll(zone, MigrateType.Movable))
        {
            if (page % 2 == 1)
            {
                FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, LruList.InactiveFile, task, LruFlags.None);
            }
            else
            {
                zone.FreePages(page, 0);
            }
        }

        // Movable pages: an unmovable fallback would boost the watermarks.
        AllocWorlds.TakeAll(zone, MigrateType.Movable, free);
        return (world, task);
    }

    [Theory]
    // GFP_NOIO order 1, unmovable: no __GFP_IO, so no compact_first: reclaim first.
    [InlineData(0x400u | 0x800u, 1, 128)]
    // GFP_HIGHUSER_MOVABLE order 1: movable and not costly: reclaim first.
    [InlineData(0x100ccau, 1, 128)]
    // GFP_HIGHUSER_MOVABLE order 3 = PAGE_ALLOC_COSTLY_ORDER, which is not yet costly: reclaim first.
    [InlineData(0x100ccau, 3, 128)]
    // GFP_KERNEL | __GFP_NORETRY | __GFP_THISNODE order 0, 10 free pages (below min): order 0 never compacts
    // first, so the THISNODE|NORETRY bail-out of the compact-first round is not taken; reclaim serves it.
    [InlineData(0xcc0u | 0x10000u | 0x200000u, 0, 10)]
    public void A_request_that_may_not_compact_first_is_served_by_its_first_direct_reclaim(uint gfp, int order, long free)
    {
        var (world, task) = FileInterleavedWorld(free);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, (GfpFlags)gfp, order, PageOwner.Unmovable));

        // One try_to_free_pages on 128 clean file pages: priorities 12..2 scan 0,..,0, 1, 1, 3, 7, 14, 25 pages and
        // reclaim 51 >= SWAP_CLUSTER_MAX (32); the cost is entry 250 + 1000, 11 shrink_node calls of 2000 and
        // 51 pages at 800 (scan) + 400 (reclaim): 84450 ns.
        Assert.True(outcome.Succeeded);
        Assert.Equal(84450, outcome.CostNs);
        Assert.Equal(77, world.Lru[0].NodeSize(LruList.InactiveFile));
        Assert.Equal(free + 51 - (1L << order), world.ZonesOf(0)[0].NrFreePages);
        Assert.Equal(1, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(0, world.Vm[VmEvent.CompactStall]);
    }

    [Theory]
    // GFP_KERNEL order 1, unmovable: async compaction first. Async direct compaction of an unmovable request only
    // migrates out of unmovable pageblocks (suitable_migration_source); all blocks are movable, so it fails at no
    // cost (a stall, COMPLETE -> COMPACTFAIL). The next round reclaims 51 pages (83200 ns) and the retry succeeds.
    [InlineData(0xcc0u, 1, true, 1, 1, 0, 83200)]
    // __GFP_THISNODE without __GFP_NORETRY does not bail out after the compact-first round: same as GFP_KERNEL.
    [InlineData(0xcc0u | 0x200000u, 1, true, 1, 1, 0, 83200)]
    // __GFP_NORETRY | __GFP_THISNODE (a THP local-node attempt): nopage right after the compact-first round.
    [InlineData(0xcc0u | 0x10000u | 0x200000u, 1, false, 0, 1, 0, 0)]
    // Order 4 (costly): async compaction fails; no __GFP_NORETRY, so the priority becomes SYNC_LIGHT. Reclaim is
    // skipped because the zone is ready for compaction (progress 1, no cost), and sync-light compaction migrates
    // file pages into free ones and succeeds.
    [InlineData(0xcc0u, 4, true, 1, 2, 1, 0)]
    // Order 4 with __GFP_NORETRY: the priority stays async, the second compaction fails as well -> nopage.
    [InlineData(0xcc0u | 0x10000u, 4, false, 1, 2, 0, 0)]
    public void A_compact_first_request_compacts_before_it_reclaims(uint gfp, int order, bool served, long allocStalls, long compactStalls, long compactSuccesses, long reclaimCost)
    {
        var (world, task) = FileInterleavedWorld(128);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, (GfpFlags)gfp, order, PageOwner.Unmovable));

        Assert.Equal(served, outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.Equal(allocStalls, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(compactStalls, world.Vm[VmEvent.CompactStall]);
        Assert.Equal(compactSuccesses, world.Vm[VmEvent.CompactSuccess]);
        Assert.Equal(compactStalls - compactSuccesses, world.Vm[VmEvent.CompactFail]);
        // Entry (250 + 1000), reclaim, and compaction at 100 ns per scanned page and 2000 ns per migrated page.
        var compactionCost = ((world.Vm[VmEvent.CompactMigrateScanned] + world.Vm[VmEvent.CompactFreeScanned]) * 100) + (world.Vm[VmEvent.PgmigrateSuccess] * 2000);
        Assert.Equal(1250 + reclaimCost + compactionCost, outcome.CostNs);
    }

    [Fact]
    public void A_compaction_that_serves_the_allocation_resets_the_deferral()
    {
        // __alloc_pages_direct_compact: after COMPACTSUCCESS, compaction_defer_reset(zone, order, true) clears
        // compact_considered and compact_defer_shift. The zone had been deferred twice (shift 2) for orders
        // >= 5, so order 4 is not deferred; the order-4 request above succeeds by sync-light compaction.
        var (world, task) = FileInterleavedWorld(128);
        var state = world.Compaction[0][0];
        state.DeferShift = 2;
        state.Considered = 1;
        state.OrderFailed = 5;

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel, 4, PageOwner.Unmovable));

        Assert.True(outcome.Succeeded);
        Assert.Equal(1, world.Vm[VmEvent.CompactSuccess]);
        Assert.Equal(0, state.DeferShift);
        Assert.Equal(0, state.Considered);
        Assert.Equal(5, state.OrderFailed);
    }
}
