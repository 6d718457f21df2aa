using MmVerify.Model.Buddy;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// zone_batchsize() + zone_highsize() for one CPU (KERNEL.md 1.7): batch = rounddown_pow_of_two(1.5 ×
// min(managed >> 12, 64)) − 1, or 1 when the inner value is <= 1; high_min = max(low_wmark, 4 × batch).
// pcp_allowed_order(): orders up to PAGE_ALLOC_COSTLY_ORDER (3) and pageblock_order (THP).
public class PcpBatchAndHighTests
{
    private static Zone PcpZone(long pages) =>
        Toy.Machine(pages, BuddyGeometry.X86_64, perCpuPages: true).Nodes[0].Zones[0];

    [Theory]
    [InlineData(4096, 1)]    // min(1, 64) = 1 -> 1.5 -> 1 <= 1: batch 1
    [InlineData(8192, 1)]    // 2 -> 3 -> rounddown 2, - 1 = 1
    [InlineData(16384, 3)]   // 4 -> 6 -> 4 - 1 = 3
    [InlineData(24576, 7)]   // 6 -> 9 -> 8 - 1 = 7
    [InlineData(65536, 15)]  // 16 -> 24 -> 16 - 1 = 15
    [InlineData(262144, 63)] // 1 GiB: 64 -> 96 -> 64 - 1 = 63
    [InlineData(524288, 63)] // 2 GiB: capped at 64 -> 63
    public void The_pcp_batch_is_a_power_of_two_minus_one_from_the_managed_size(long pages, int batch)
    {
        Assert.Equal(batch, PcpZone(pages).PcpBatch);
    }

    [Fact]
    public void Pcp_high_is_the_low_watermark_but_at_least_four_batches()
    {
        var zone = PcpZone(65536); // batch 15

        zone.SetRawWatermarks(10, 20, 30, 30);
        Assert.Equal(60, zone.PcpHigh); // max(20, 4 * 15)

        zone.SetRawWatermarks(10, 100, 130, 130);
        Assert.Equal(100, zone.PcpHigh); // max(100, 60)
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(8, false)]
    [InlineData(9, true)]
    [InlineData(10, false)]
    public void Only_orders_up_to_costly_and_the_pageblock_order_use_the_pcp_lists(int order, bool allowed)
    {
        Assert.Equal(allowed, PcpZone(4096).PcpAllowedOrder(order));
    }
}
