using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// checks free_frozen_page_commit() -> list_add to pcp->lists[order_to_pindex(migratetype, order)], mm/page_alloc.c:
// a page on a pcp list is on its own type's list
public class PcpListTypeTests
{
    [Theory]
    [InlineData(0, MigrateType.Unmovable, new[] { 0 })]
    [InlineData(0, MigrateType.Movable, new[] { 0 })]
    [InlineData(0, MigrateType.Reclaimable, new[] { 0 })]
    [InlineData(1, MigrateType.Movable, new[] { 0, 2 })]     // nr_pcp_alloc: max(batch >> order, 2) = 2 blocks refilled
    [InlineData(3, MigrateType.Reclaimable, new[] { 0, 8 })]
    public void A_page_freed_to_the_pcp_lists_is_on_the_list_of_its_type(int order, MigrateType mt, int[] pcpList)
    {
        // 64 pages: pcp->batch 1 and pcp->high at least 4, so the freed block stays on the pcp list, at its head.
        var zone = Toy.Machine(64, new BuddyGeometry(4, 2), perCpuPages: true).Nodes[0].Zones[0];
        var page = zone.Rmqueue(order, mt, AllocFlags.None, PageOwner.Unmovable);

        zone.FreePages(page, order);

        Assert.Equal(PageState.PcpHead, zone.StateAt(page));
        Assert.Equal(mt, zone.ListTypeAt(page));
        Assert.Equal(pcpList, zone.PcpListPages(order, mt).ToArray());
    }
}
