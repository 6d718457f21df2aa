using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Sim;
using MmVerify.Model.Workload;

namespace MmVerify.Model.Tests.WorkloadTests;

// checks do_huge_pmd_anonymous_page(), mm/huge_memory.c: a THP-sized fault, else one base page
public class ThpFaultTests
{
    [Theory]
    // An unspecified gfp (GFP_KERNEL) means GFP_TRANSHUGE_LIGHT: a movable request, served from the
    // movable pageblocks boot left. An explicit unmovable gfp is used as given: the order-2 request
    // falls back and claims the whole pageblock as unmovable (try_to_claim_block).
    [InlineData(Gfp.Gfp.Kernel, MigrateType.Movable)]
    [InlineData(Gfp.Gfp.Kernel | GfpFlags.NoWarn, MigrateType.Unmovable)]
    public void The_THP_gfp_decides_the_pageblock_type(GfpFlags gfp, MigrateType pageblock)
    {
        var world = TaskWorld.New();

        Assert.Equal(1_250, TaskWorld.Run(world, OpKind.FaultAnonThp, s => s with { Gfp = gfp }));

        var folio = Assert.Single(TaskWorld.Folios(world, LruList.InactiveAnon));
        Assert.Equal(2, world.Lru[0].OrderOf(folio));
        Assert.Equal(pageblock, world.ZonesOf(0)[0].PageblockMigratetypeOfPage(folio.Page));
        Assert.Equal(1, world.Vm[VmEvent.ThpFaultAlloc]);
    }

    [Fact]
    public void Without_a_free_THP_block_the_fault_falls_back_to_a_base_page()
    {
        // Every other page free: 512 free pages but no order-2 block. GFP_TRANSHUGE_LIGHT cannot reclaim,
        // so the THP attempt fails after the fast path (250) and the slow path's entry (1000); the
        // base-page fault then costs 1000 + 250.
        var world = TaskWorld.New();
        var zone = world.ZonesOf(0)[0];
        var pages = Enumerable.Range(0, 1024).Select(_ => zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.Unmovable)).ToList();
        foreach (var page in pages.Where(p => p % 2 == 0))
        {
            zone.FreePages(page, 0);
        }

        Assert.Equal(2_500, TaskWorld.Run(world, OpKind.FaultAnonThp));

        Assert.Equal(1, world.Vm[VmEvent.ThpFaultFallback]);
        Assert.Equal(1, world.Tasks[0].LruPages);
    }

    [Fact]
    public void A_THP_charge_of_512_pages_over_memory_high_is_handled_at_once()
    {
        // x86_64 geometry: a THP is order 9, 512 pages. memory.high 1 page: the charge puts the task
        // 512 pages over high (more than MEMCG_CHARGE_BATCH 64), so reclaim_high runs on the way back:
        // nothing is reclaimable (anon, no swap), the penalty is capped at 2 * HZ = 500 jiffies = 2 s.
        // Reclaim's own costs are set to 0 so the fault costs 1000 + 250 + 2 s exactly.
        var costs = new Costs { ScanPage = 0, ReclaimPage = 0, ShrinkNodeCall = 0 };
        var world = TaskWorld.New(2048, BuddyGeometry.X86_64, new Memcg(1, "/a", 1), costs);

        Assert.Equal(1_250 + 2_000_000_000, TaskWorld.Run(world, OpKind.FaultAnonThp));

        Assert.Equal(0, world.Tasks[0].PagesOverHigh);
        Assert.Equal(512, world.Memcgs[1].UsagePages);
    }

    [Fact]
    public void A_base_page_fault_over_memory_high_pays_the_penalty_once_a_batch_is_exceeded()
    {
        // The first order-0 charge over high notes 64 pages (MEMCG_CHARGE_BATCH), not more than a batch;
        // the second makes 128 and is handled: 2 s penalty as above.
        var costs = new Costs { ScanPage = 0, ReclaimPage = 0, ShrinkNodeCall = 0 };
        var world = TaskWorld.New(memcg: new Memcg(1, "/a", 1), costs: costs);
        world.Memcgs[1].UsagePages = 1;

        Assert.Equal(1_250, TaskWorld.Run(world, OpKind.FaultAnon));
        Assert.Equal(64, world.Tasks[0].PagesOverHigh);
        Assert.Equal(1_250 + 2_000_000_000, TaskWorld.Run(world, OpKind.FaultAnon));
    }
}
