using MmVerify.Model.Reclaim;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.VariantPolicies;

// checks kswapd_try_clear_hopeless() (mm/vmscan.c, v7.2) with the README's hypothetical memcg exemption:
// progress clears kswapd_failures if memory.high reclaim made it or the node is balanced
public class HopelessResetPolicyTests
{
    [Theory]
    [InlineData(Reclaimer.Memcg, false, true)]
    [InlineData(Reclaimer.Memcg, true, true)]
    [InlineData(Reclaimer.Direct, false, false)]
    [InlineData(Reclaimer.Direct, true, true)]
    public void Memcg_progress_clears_even_on_an_unbalanced_node(Reclaimer reclaimer, bool nodeBalanced, bool expected)
    {
        Assert.Equal(expected, new ClearOnMemcgProgress().ClearsOnProgress(reclaimer, nodeBalanced));
    }
}
