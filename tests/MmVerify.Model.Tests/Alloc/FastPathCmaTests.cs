using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;

namespace MmVerify.Model.Tests.Alloc;

// checks __alloc_frozen_pages_noprof(), mm/page_alloc.c: ALLOC_CMA for movable requests on the fast path
public class FastPathCmaTests
{
    [Theory]
    // GFP_HIGHUSER_MOVABLE: ALLOC_CMA, so the 128 free CMA pages count against LOW (40) and one is handed out
    // by the fast path (250 ns).
    [InlineData(0x100ccau, true, 250)]
    // GFP_NOWAIT (unmovable): no ALLOC_CMA, so free CMA pages are unusable (free 128 - CMA 128 = 0) and
    // cannot be allocated; the slow path (250 + 1000 ns) cannot reclaim -> nopage.
    [InlineData(0x2800u, false, 1250)]
    public void Only_a_movable_request_may_take_a_free_CMA_page(uint gfp, bool served, long cost)
    {
        var (world, task, zone) = CmaWorlds.OnlyCmaFree(128);

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, (Gfp.GfpFlags)gfp, 0, PageOwner.LruAnon));

        Assert.Equal(served, outcome.Succeeded);
        Assert.Equal(cost, outcome.CostNs);
        Assert.Equal(served ? 127 : 128, zone.NrFreeCmaPages);
    }
}
