using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;

namespace MmVerify.Model.Tests.Alloc;

// checks __alloc_pages_direct_compact(), mm/page_alloc.c: the compaction order
public class DirectCompactOrderTests
{
    [Fact]
    public void Without_NOFRAGMENT_an_unmovable_request_compacts_for_its_own_order()
    {
        // Only ALLOC_NOFRAGMENT (defrag_mode) raises a non-movable request's compaction order to pageblock_order;
        // without it the order-1 request compacts for order 1. Every aligned page pair holds a held page, so its
        // sync compactions (SYNC_LIGHT, then SYNC_FULL) fail, and defer_compaction records
        // compact_order_failed = 1 (it only ever lowers the value: 5 as after an earlier order-4 success).
        var (world, task, _) = SlowPathRetryTests.OddPagesHeldWorld();
        world.Compaction[0][0].OrderFailed = 5;

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel | GfpFlags.RetryMayFail, 1, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.Equal(1, world.Compaction[0][0].OrderFailed);
        Assert.Equal(2, world.Compaction[0][0].DeferShift);
    }
}
