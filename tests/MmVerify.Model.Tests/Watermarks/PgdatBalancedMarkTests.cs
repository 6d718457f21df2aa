using MmVerify.Model.Buddy;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Lru;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Watermarks;

// checks pgdat_balanced(), mm/vmscan.c: the promo mark under memory tiering, and free pages in whole pageblocks under defrag_mode
public class PgdatBalancedMarkTests
{
    [Theory]
    [InlineData(false, false, 0, true)]  // a few pages above HIGH: balanced
    [InlineData(true, false, 0, false)]  // NUMA_BALANCING_MEMORY_TIERING: PROMO is HIGH + (HIGH - LOW), far above
    [InlineData(false, true, 0, true)]   // defrag_mode counts whole-pageblock free pages only above order 0
    [InlineData(false, true, 1, false)]  // order 1: the order-0 splits leave fewer whole-pageblock free pages than HIGH
    [InlineData(false, false, 1, true)]   // order 1: free - (2^1 - 1) is still above HIGH
    public void Balance_is_judged_against_the_mark_and_free_count_the_mode_asks_for(bool tiering, bool defragMode, int order, bool expected)
    {
        var world = Worlds.OneZone("linux-7.2");
        var zone = Worlds.Zone(world);
        Worlds.FillTo(world, zone.HighWmarkPages + 8, LruList.InactiveFile, PageOwner.LruFile);
        world.Sysctls.NumaBalancingMemoryTiering = tiering;
        world.Sysctls.DefragMode = defragMode;
        // The pcp refills take a batch at a time: free ends a few pages above HIGH + 2.
        Assert.InRange(zone.NrFreePages, zone.HighWmarkPages + 2, zone.HighWmarkPages + 8);
        Assert.True(zone.NrFreePagesBlocks <= zone.HighWmarkPages);
        Assert.True(zone.PromoWmarkPages > zone.NrFreePages);

        Assert.Equal(expected, KswapdFunctions.PgdatBalanced(world, 0, order, 0));
    }
}
