using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.Buddy;

// checks free_pcppages_bulk(), mm/page_alloc.c, with the boot pageset (pcp->high 0, batch 1): the flush count is
// capped at pcp->count, so a free goes straight through to the buddy and the flush stops when the lists are empty
public class PcpBootPagesetTests
{
    [Fact]
    public void Before_the_watermarks_are_set_a_freed_page_goes_straight_back_to_the_buddy()
    {
        // Built directly: zone_pcp_update() (SetRawWatermarks) has not run, so pcp->high is 0.
        var zone = new Zone(0, 0, ZoneSpec.Flat(ZoneKind.Normal, 0, 16), new BuddyGeometry(3, 2), 1, new VmSysctls { PerCpuPages = true });
        Assert.Equal(0, zone.PcpHigh);
        Assert.Equal(1, zone.PcpBatch);
        var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);

        // pcp->count 1 >= high 0: flush max(batch, 1 - 0 + batch) = 2 asked, only the 1 page there is freed.
        zone.FreePages(page, 0);

        Assert.Equal(0, zone.PcpCount);
        Assert.Equal(16, zone.NrFreePages);
        Assert.Equal(new long[] { 0, 0, 0, 2 }, Enumerable.Range(0, 4).Select(o => zone.NrFree(o)).ToArray());
    }
}
