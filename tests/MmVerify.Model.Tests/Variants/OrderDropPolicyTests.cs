using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.VariantPolicies;

// checks kswapd_shrink_node(), mm/vmscan.c, v7.2: once compact_gap(order) pages were reclaimed a high-order
// run drops sc->order to 0
public class OrderDropPolicyTests
{
    [Theory]
    [InlineData(3, 16, 16, true)]
    [InlineData(3, 15, 16, false)]
    // An order-0 run has no order to drop.
    [InlineData(0, 32, 2, false)]
    public void The_order_drops_after_compact_gap_pages_for_high_orders_only(int order, long nrReclaimed, long compactGap, bool expected)
    {
        Assert.Equal(expected, new DropOrderAfterCompactGap().DropToOrderZero(order, nrReclaimed, compactGap));
    }
}
