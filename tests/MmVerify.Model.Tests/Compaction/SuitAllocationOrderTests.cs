using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Gfp;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// compaction_suit_allocation_order(), mm/compaction.c: SUCCESS when the watermark is already met at the
/// order; for async costly orders without ALLOC_CMA an order-0 pass at w + compact_gap outside CMA;
/// then compaction_suitable() decides CONTINUE or SKIPPED. Watermarks are 0 (w = 0).
/// </summary>
public class SuitAllocationOrderTests
{
    [Fact]
    public void Nothing_to_do_when_a_block_of_the_order_is_already_free()
    {
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.FreeRange(zone, 16, 2);

        Assert.Equal(CompactResult.Success, CompactionSuitability.SuitAllocationOrder(world, zone, 1, 0, AllocFlags.None, async: false, kcompactd: false));
    }

    [Fact]
    public void Compaction_goes_on_when_enough_order_0_pages_are_free()
    {
        // Five free single pages (buddies allocated): no order-1 block, 5 > compact_gap(1) = 4.
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.Free(zone, 1, 5, 9, 13, 17);

        Assert.Equal(CompactResult.Continue, CompactionSuitability.SuitAllocationOrder(world, zone, 1, 0, AllocFlags.None, async: false, kcompactd: false));
    }

    [Fact]
    public void Compaction_is_skipped_without_compact_gap_pages_above_the_watermark()
    {
        // Four free single pages: 4 is not above compact_gap(1) = 4.
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.Free(zone, 1, 5, 9, 13);

        Assert.Equal(CompactResult.Skipped, CompactionSuitability.SuitAllocationOrder(world, zone, 1, 0, AllocFlags.None, async: false, kcompactd: false));
    }

    [Theory]
    [InlineData(true, CompactResult.Skipped)]
    [InlineData(false, CompactResult.Continue)]
    public void Async_costly_compaction_without_CMA_must_find_its_memory_outside_CMA(bool async, CompactResult expected)
    {
        // 128 pages, the top 32 CMA and free (two order-4 blocks on the CMA list), plus four free single
        // pages elsewhere. Order 4 without ALLOC_CMA: the CMA blocks do not count, so no SUCCESS.
        // Async: outside CMA only 4 free, not above compact_gap(4) = 32: SKIPPED.
        // Sync: compaction_suitable counts CMA (36 > 32) and the index is -1000 (order-4 blocks): CONTINUE.
        var world = CompactionToy.World(128, cmaPages: 32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.Free(zone, 1, 5, 9, 13);
        Assert.Equal(36, zone.NrFreePages);
        Assert.Equal(2, zone.FreeListCount(4, MigrateType.Cma));

        Assert.Equal(expected, CompactionSuitability.SuitAllocationOrder(world, zone, 4, 0, AllocFlags.None, async, kcompactd: false));
    }

    [Fact]
    public void Order_3_is_not_costly_so_async_compaction_may_count_CMA()
    {
        // Same zone as above at order 3: the outside-CMA pass applies only above PAGE_ALLOC_COSTLY_ORDER;
        // compaction_suitable() counts CMA: 36 > compact_gap(3) = 16, and order 3 needs no fragindex: CONTINUE.
        var world = CompactionToy.World(128, cmaPages: 32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.Free(zone, 1, 5, 9, 13);

        Assert.Equal(CompactResult.Continue, CompactionSuitability.SuitAllocationOrder(world, zone, 3, 0, AllocFlags.None, async: true, kcompactd: false));
    }

    [Fact]
    public void Async_costly_compaction_allowed_into_CMA_may_use_it()
    {
        // Same zone; with ALLOC_CMA the free CMA order-4 block meets the watermark at the order: SUCCESS.
        var world = CompactionToy.World(128, cmaPages: 32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.Free(zone, 1, 5, 9, 13);

        Assert.Equal(CompactResult.Success, CompactionSuitability.SuitAllocationOrder(world, zone, 4, 0, AllocFlags.Cma, async: true, kcompactd: false));
    }
}
