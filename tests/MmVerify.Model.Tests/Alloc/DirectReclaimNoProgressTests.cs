using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>__alloc_pages_direct_reclaim(), mm/page_alloc.c: no reclaim progress returns NULL at once, before drain_all_pages().</summary>
public class DirectReclaimNoProgressTests
{
    [Fact]
    public void Reclaim_without_progress_fails_without_draining_the_per_cpu_lists()
    {
        // One NORMAL zone of 256 pages with per-CPU lists (batch 1, high = low 40; min 32): 10 pages free in
        // the buddy, 30 on the pcp list (below high, so no flush), nothing on the LRU. NR_FREE_PAGES leaves out
        // pcp pages: 10 <= min 32, every freelist attempt fails. GFP_KERNEL | __GFP_NORETRY, order 0:
        // __perform_reclaim() reclaims nothing, and "if (unlikely(!(*did_some_progress))) return NULL;" comes
        // before the "if (!page && !drained)" unreserve_highatomic_pageblock() + drain_all_pages() retry;
        // __GFP_NORETRY then goes to nopage. The 30 pcp pages stay where they are. (Draining them would
        // leave 40 > min 32 free and serve the request.)
        var (world, task) = Toy.World(256, new BuddyGeometry(4, 2), perCpuPages: true);
        var zone = world.ZonesOf(0)[0];
        Assert.Equal(40, zone.PcpHigh);
        var taken = AllocWorlds.TakeAll(zone, MigrateType.Unmovable);
        world.Sysctls.PerCpuPages = false;
        foreach (var page in taken.Take(10))
        {
            zone.FreePages(page, 0);
        }

        world.Sysctls.PerCpuPages = true;
        foreach (var page in taken.Skip(10).Take(30))
        {
            zone.FreePages(page, 0);
        }

        Assert.Equal(10, zone.NrFreePages);
        Assert.Equal(30, zone.PcpCount);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel | GfpFlags.NoRetry, 0, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.Equal(1, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(30, zone.PcpCount);
        Assert.Equal(10, zone.NrFreePages);
    }
}
