using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// checks the mode memory of rmqueue_bulk() -> __rmqueue(), mm/page_alloc.c: once the CMA step worked,
// the rest of the refill keeps taking CMA pages instead of claiming another type's pageblock
public class PcpRefillCmaModeTests
{
    [Fact]
    public void A_refill_that_started_on_cma_stays_on_cma()
    {
        // 12288 pages (pcp->batch 3): twelve order-10 blocks, the top one CMA (two CMA pageblocks).
        var zone = Toy.Machine(12288, BuddyGeometry.X86_64, cmaPages: 1024, perCpuPages: true).Nodes[0].Zones[0];
        Assert.Equal(3, zone.PcpBatch);
        for (var i = 0; i < 10; i++)
        {
            zone.Rmqueue(10, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
        }

        // The eleventh MOVABLE block is claimed whole by an UNMOVABLE request and freed: 1024 free UNMOVABLE pages,
        // so free CMA (1024) is not above half of all free (2048) and CMA is not tried first.
        var unmovable = zone.Rmqueue(10, MigrateType.Unmovable, AllocFlags.None, PageOwner.Unmovable);
        zone.FreePages(unmovable, 10);
        Assert.Equal(2048, zone.NrFreePages);

        zone.Rmqueue(0, MigrateType.Movable, AllocFlags.Cma, PageOwner.LruAnon);

        // No MOVABLE page: the first of the 3 refilled pages comes from CMA, and so do the other two.
        // The UNMOVABLE pageblocks are not claimed.
        Assert.Equal(1021, zone.NrFreeCmaPages);
        Assert.Equal(2, zone.PageblocksOfType(MigrateType.Unmovable));
        Assert.Equal(2, zone.PcpCount);
    }
}
