using MmVerify.Model.Compaction;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Compaction;

// checks kcompactd_node_suitable() and kcompactd_do_work(), mm/compaction.c: kcompactd asks
// compaction_suit_allocation_order() as a sync compactor that, in defrag_mode, counts whole free pageblocks
public class KcompactdSuitabilityTests
{
    /// <summary>Wakes kcompactd for the order and runs one pass; returns whether it woke.</summary>
    private static bool WakeAndRun(World world, int order)
    {
        Kcompactd.WakeupKcompactd(world, 0, order, 0, "test", 1);
        var woken = !world.Reclaim[0].KcompactdSleeping;
        Kcompactd.Step(world, 0);
        return woken;
    }

    [Fact]
    public void Kcompactd_is_sync_so_free_CMA_pages_count_for_a_costly_order()
    {
        // 128 pages, the top 32 CMA and free, four free single pages below: 36 > compact_gap(4) = 32
        // counting CMA (sync); an async check outside CMA would find only 4.
        var world = CompactionToy.World(128, cmaPages: 32);
        CompactionToy.Free(CompactionToy.Zone(world), 1, 5, 9, 13);

        Assert.True(WakeAndRun(world, 4));
        Assert.Equal("kcompactd0", CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>().Single().Comm);
    }

    [Fact]
    public void In_defrag_mode_kcompactd_counts_only_whole_free_pageblocks()
    {
        // A free order-1 block (16..17) and four single pages: 6 free pages but no free pageblock. For
        // kcompactd the order-1 watermark check sees 0 free pages, so compaction is worth it (6 > 4).
        var world = CompactionToy.World(32);
        world.Sysctls.DefragMode = true;
        CompactionToy.Free(CompactionToy.Zone(world), 1, 5, 9, 13, 16, 17);

        Assert.True(WakeAndRun(world, 1));
        Assert.Single(CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>());
    }
}
