using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Workload;

namespace MmVerify.Model.Tests.WorkloadTests;

// checks the kernel-allocation task operations: a held block (alloc_pages() + a later __free_pages()) and skb_page_frag_refill(), net/core/sock.c
public class KernelAllocTests
{
    [Fact]
    public void A_task_at_its_held_page_cap_takes_nothing_and_costs_a_fast_path()
    {
        var world = TaskWorld.New();

        Assert.Equal(250, TaskWorld.Run(world, OpKind.KernelAlloc, s => s with { MaxHeldPages = 0 }));

        Assert.Equal(1024, world.ZonesOf(0)[0].NrFreePages);
        Assert.Equal(0, world.Tasks[0].HeldPages);
    }

    [Fact]
    public void A_free_block_of_MAX_PAGE_ORDER_counts_as_a_free_block()
    {
        // After boot every free block is of MAX_PAGE_ORDER (4): the sniper sees one and allocates.
        var world = TaskWorld.New();

        Assert.Equal(250, TaskWorld.Run(world, OpKind.KernelAlloc, s => s with { OnlyIfFreeBlock = true }));

        Assert.Equal(1, world.Tasks[0].HeldPages);
        Assert.Equal(1023, world.ZonesOf(0)[0].NrFreePages);
    }

    [Fact]
    public void Free_blocks_in_ZONE_DMA_do_not_count()
    {
        // DMA keeps its 256 pages free, Normal has none: the sniper waits (only buddyinfo outside DMA counts).
        var world = TaskWorld.OnZones(ZoneSpec.Flat(ZoneKind.Dma, 0, 256), ZoneSpec.Flat(ZoneKind.Normal, 256, 512));
        TaskWorld.TakeUntil(world.ZonesOf(0)[1], 0);

        Assert.Equal(250, TaskWorld.Run(world, OpKind.KernelAlloc, s => s with { OnlyIfFreeBlock = true }));

        Assert.Equal(0, world.Tasks[0].HeldPages);
        Assert.Equal(256, world.ZonesOf(0)[0].NrFreePages);
    }

    [Theory]
    // A lifetime of 0 ms means the block is kept for good; 5 ms means it is freed once 5 ms have passed
    // (the next run of the task releases what is due before its next allocation).
    [InlineData(0, 1_000_000, 2)]
    [InlineData(5, 4_000_000, 2)]
    [InlineData(5, 5_000_000, 1)]
    public void A_held_block_is_released_when_its_lifetime_has_passed(double lifetimeMs, long later, long heldPages)
    {
        var world = TaskWorld.New();

        TaskWorld.Run(world, OpKind.KernelAlloc, s => s with { LifetimeMs = lifetimeMs });
        world.Clock.NowNs = later;
        TaskWorld.Run(world, OpKind.KernelAlloc, s => s with { LifetimeMs = lifetimeMs });

        Assert.Equal(heldPages, world.Tasks[0].HeldPages);
    }

    [Fact]
    public void A_frag_refill_served_at_order_3_costs_one_fast_path()
    {
        // SKB_FRAG_PAGE_ORDER 3 succeeds from a fresh zone at once: 250 ns, 8 pages held.
        var world = TaskWorld.New();

        Assert.Equal(250, TaskWorld.Run(world, OpKind.NetFragRefill));

        Assert.Equal(1, world.Vm[VmEvent.NetFragOrder3]);
        Assert.Equal(8, world.Tasks[0].HeldPages);
    }
}
