using MmVerify.Model.Buddy;

namespace MmVerify.Model.Tests.Buddy;

// checks the MAX_PAGE_ORDER / pageblock_order geometry (include/linux/mmzone.h, include/linux/pageblock-flags.h)
public class BuddyGeometryTests
{
    [Theory]
    [InlineData(0, 0, 1, 1)]        // the smallest geometry: single pages only
    [InlineData(3, 0, 8, 1)]        // pageblock_order 0 is allowed
    [InlineData(10, 9, 1024, 512)]  // x86_64: MAX_ORDER_NR_PAGES 1024, pageblock_nr_pages 512
    [InlineData(20, 20, 1 << 20, 1 << 20)] // the largest accepted MAX_PAGE_ORDER, pageblock as large as it
    public void A_valid_geometry_gives_its_block_sizes(int maxPageOrder, int pageblockOrder, int maxOrderNrPages, int pageblockNrPages)
    {
        var geometry = new BuddyGeometry(maxPageOrder, pageblockOrder);

        Assert.Equal(maxOrderNrPages, geometry.MaxOrderNrPages);
        Assert.Equal(pageblockNrPages, geometry.PageblockNrPages);
        Assert.Equal(maxPageOrder + 1, geometry.NrPageOrders);
    }

    [Theory]
    [InlineData(-1, 0, "maxPageOrder")]
    [InlineData(21, 9, "maxPageOrder")]
    [InlineData(3, -1, "pageblockOrder")]
    [InlineData(3, 4, "pageblockOrder")] // pageblock_order above MAX_PAGE_ORDER
    public void An_out_of_range_order_is_refused(int maxPageOrder, int pageblockOrder, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BuddyGeometry(maxPageOrder, pageblockOrder));

        Assert.Equal(parameter, e.ParamName);
    }
}
