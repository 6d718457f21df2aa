using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>
/// __alloc_pages_direct_reclaim() / __alloc_pages_direct_compact(), mm/page_alloc.c: under defrag_mode
/// (ALLOC_NOFRAGMENT) a non-movable request below pageblock_order reclaims and compacts for a whole pageblock.
/// </summary>
public class DefragModeSlowPathOrderTests
{
    [Theory]
    // GFP_KERNEL: unmovable order 0 below pageblock_order 2: reclaim runs at max(0, 2) = 2.
    [InlineData(0xcc0u, MigrateType.Unmovable, 2)]
    // GFP_HIGHUSER_MOVABLE: a movable request keeps its own order.
    [InlineData(0x100ccau, MigrateType.Movable, 0)]
    public void Direct_reclaim_under_NOFRAGMENT_runs_at_pageblock_order_for_non_movable_requests(uint gfp, MigrateType mt, int reclaimOrder)
    {
        // defrag_mode, one NORMAL zone of 256 pages (pageblock_order 2), every page a clean file page: the order-0
        // request fails the freelists, so the slow path reaches direct reclaim with ALLOC_NOFRAGMENT set.
        var trace = new TraceBuffer();
        var (world, task) = AllocWorlds.Build(1, [ZoneKind.Normal], trace: trace, defragMode: true);
        foreach (var page in AllocWorlds.TakeAll(world.ZonesOf(0)[0], MigrateType.Movable))
        {
            FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, LruList.InactiveFile, task, LruFlags.None);
        }

        Assert.Equal(mt, GfpRules.GfpMigratetype((GfpFlags)gfp));

        PageAllocator.Alloc(world, new AllocRequest(task, (GfpFlags)gfp, 0, mt == MigrateType.Movable ? PageOwner.LruAnon : PageOwner.Unmovable));

        var begin = trace.Events.OfType<DirectReclaimBeginEvent>().First();
        Assert.Equal(reclaimOrder, begin.Order);
    }

    [Fact]
    public void Direct_compaction_under_NOFRAGMENT_runs_at_pageblock_order_for_an_unmovable_order_1_request()
    {
        // defrag_mode, one NORMAL zone of 256 pages, 128 CMA, all CMA free; outside CMA only one aligned
        // order-2 block is free. GFP_KERNEL | __GFP_RETRY_MAYFAIL order 1, unmovable (no ALLOC_CMA): the freelists
        // see 4 - (2^1 - 1) = 3 <= min 32 and fail. Compact first: the compaction order is
        // max(1, pageblock_order 2) = 2; compaction is suitable (132 free counting CMA > 32 + 2<<2) and
        // __compact_finished sees the free order-2 block: COMPACT_SUCCESS, so compaction_defer_reset sets
        // compact_order_failed = 2 + 1 = 3. Every later success is at order 2 or (once NOFRAGMENT is dropped
        // before OOM) at order 1, which never lowers it; nothing is deferred (no sync failure). So 3 at the end;
        // compacting at the request's order would leave 2.
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 256, cmaPages: 128)])]);
        var sysctls = new VmSysctls { UserMinFreeKbytes = 128, PerCpuPages = false, DefragMode = true };
        var world = new World(Machine.Boot(spec, sysctls, new BuddyGeometry(4, 2)), VariantCatalog.Resolve("linux-7.2"));
        var task = new TaskState(0, 1000, "test", 0, 0);
        world.Tasks.Add(task);
        var zone = world.ZonesOf(0)[0];
        CmaWorlds.OneFreeNonCmaBlock(zone, 2);

        Assert.Equal(132, zone.NrFreePages);
        Assert.Equal(128, zone.NrFreeCmaPages);
        Assert.Equal(0, world.Compaction[0][0].OrderFailed);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel | GfpFlags.RetryMayFail, 1, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.True(world.Vm[VmEvent.CompactStall] > 0);
        Assert.Equal(3, world.Compaction[0][0].OrderFailed);
    }
}
