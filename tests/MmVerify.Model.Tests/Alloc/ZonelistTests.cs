using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>The zonelist: gfp_zone() as an index into a node's layout, and the node fallback order.</summary>
public class ZonelistTests
{
    private static World WorldOf(params ZoneKind[][] layouts)
    {
        var nodes = layouts
            .Select((kinds, nid) => new NodeSpec(nid, kinds.Select((k, i) => ZoneSpec.Flat(k, ((nid * 8) + i) * 64L, 64)).ToArray()))
            .ToArray();
        var machine = Machine.Boot(new MachineSpec(nodes), new VmSysctls { UserMinFreeKbytes = 128 }, new BuddyGeometry(4, 2));
        return new World(machine, VariantCatalog.Resolve("linux-7.2"));
    }

    private static readonly ZoneKind[] X86 = [ZoneKind.Dma, ZoneKind.Dma32, ZoneKind.Normal, ZoneKind.Movable];
    private static readonly ZoneKind[] I386 = [ZoneKind.Dma, ZoneKind.Normal, ZoneKind.HighMem];
    private static readonly ZoneKind[] HighMemAndMovable = [ZoneKind.Dma, ZoneKind.Normal, ZoneKind.HighMem, ZoneKind.Movable];

    // KERNEL.md 4.1 (gfp_zone): GFP_KERNEL -> NORMAL, GFP_DMA32 -> DMA32, GFP_DMA -> DMA, MOVABLE with HIGHMEM
    // -> MOVABLE, MOVABLE alone -> NORMAL; x86_64 indices DMA 0, DMA32 1, NORMAL 2, MOVABLE 3.
    // Kills: "<= rank" -> "< rank" (KERNEL would give 1), the cache's "+ 1"/"- 1" and "== 0" -> "!= 0".
    [Theory]
    [InlineData(0xcc0u, 2)]      // GFP_KERNEL
    [InlineData(0xcc4u, 1)]      // GFP_KERNEL | __GFP_DMA32
    [InlineData(0xcc1u, 0)]      // GFP_KERNEL | __GFP_DMA
    [InlineData(0x100ccau, 3)]   // GFP_HIGHUSER_MOVABLE
    [InlineData(0xcc8u, 2)]      // __GFP_MOVABLE alone
    [InlineData(0x100cc2u, 2)]   // GFP_HIGHUSER: no HIGHMEM on 64-bit, so NORMAL
    public void Highest_zone_index_on_x86_64_follows_gfp_zone(uint gfp, int index)
    {
        var world = WorldOf(X86);
        Assert.Equal(index, Zonelist.HighestZoneIndex(world, 0, (GfpFlags)gfp));
        // A second call (from the cache) gives the same answer.
        Assert.Equal(index, Zonelist.HighestZoneIndex(world, 0, (GfpFlags)gfp));
    }

    // On a 32-bit layout (DMA 0, NORMAL 1, HIGHMEM 2): __GFP_HIGHMEM means HIGHMEM, GFP_KERNEL stays NORMAL.
    // Kills: "(gfp & HighMem) != 0 && rank == Normal" -> "||" (GFP_KERNEL would be raised to HIGHMEM: 2).
    [Theory]
    [InlineData(0xcc0u, 1)]      // GFP_KERNEL
    [InlineData(0x100cc2u, 2)]   // GFP_HIGHUSER
    [InlineData(0x100ccau, 2)]   // GFP_HIGHUSER_MOVABLE without a MOVABLE zone: the highest below it
    [InlineData(0xcc1u, 0)]      // GFP_DMA
    public void Highest_zone_index_on_a_highmem_layout_follows_gfp_zone(uint gfp, int index)
    {
        Assert.Equal(index, Zonelist.HighestZoneIndex(WorldOf(I386), 0, (GfpFlags)gfp));
    }

    [Fact]
    public void A_movable_highmem_request_reaches_ZONE_MOVABLE_above_HIGHMEM()
    {
        // gfp_zone(GFP_HIGHUSER_MOVABLE) = ZONE_MOVABLE (index 3 here), not HIGHMEM (2).
        // Kills: "rank == Rank(Normal)" -> "!=" (the MOVABLE rank would be lowered to HIGHMEM's).
        Assert.Equal(3, Zonelist.HighestZoneIndex(WorldOf(HighMemAndMovable), 0, Gfp.Gfp.HighUserMovable));
    }

    [Fact]
    public void Each_node_answers_from_its_own_layout()
    {
        // Node 0 is x86_64-like (NORMAL at 2), node 1 32-bit-like (NORMAL at 1): GFP_KERNEL gives 2, then 1.
        // Kills: the cache key "nid * 32" -> "nid / 32" (node 1 would read node 0's cached 2).
        var world = WorldOf([ZoneKind.Dma, ZoneKind.Dma32, ZoneKind.Normal], I386);
        Assert.Equal(2, Zonelist.HighestZoneIndex(world, 0, Gfp.Gfp.Kernel));
        Assert.Equal(1, Zonelist.HighestZoneIndex(world, 1, Gfp.Gfp.Kernel));
        Assert.Equal(2, Zonelist.HighestZoneIndex(world, 0, Gfp.Gfp.Kernel));
    }

    [Fact]
    public void One_world_answers_each_zone_modifier_from_its_own_cache_entry()
    {
        // The per-node cache is keyed by all four zone bits (__GFP_DMA, __GFP_HIGHMEM, __GFP_DMA32, __GFP_MOVABLE),
        // so asking GFP_KERNEL first must not make GFP_DMA32 or GFP_DMA read its NORMAL answer (gfp_zone, KERNEL.md 4.1).
        // Kills: the key mask "Dma | HighMem | Dma32" -> "Dma | HighMem & Dma32" (DMA32 reads 2) and "Dma & HighMem" (DMA reads 2).
        var world = WorldOf(X86);
        Assert.Equal(2, Zonelist.HighestZoneIndex(world, 0, Gfp.Gfp.Kernel));
        Assert.Equal(1, Zonelist.HighestZoneIndex(world, 0, Gfp.Gfp.Kernel | GfpFlags.Dma32));
        Assert.Equal(0, Zonelist.HighestZoneIndex(world, 0, Gfp.Gfp.Kernel | GfpFlags.Dma));
        Assert.Equal(3, Zonelist.HighestZoneIndex(world, 0, Gfp.Gfp.HighUserMovable));
        Assert.Equal(2, Zonelist.HighestZoneIndex(world, 0, Gfp.Gfp.Kernel | GfpFlags.HighMem));
    }

    [Fact]
    public void Node_count_is_one_when_bound_and_all_nodes_otherwise()
    {
        var world = WorldOf(X86, X86, X86);
        Assert.Equal(1, Zonelist.NodeCount(world, bound: true));
        Assert.Equal(3, Zonelist.NodeCount(world, bound: false));
    }

    [Theory]
    [InlineData(0, new[] { 0, 1, 2, 3 })]
    [InlineData(1, new[] { 1, 0, 2, 3 })]
    [InlineData(2, new[] { 2, 0, 1, 3 })]
    [InlineData(3, new[] { 3, 0, 1, 2 })]
    public void The_zonelist_visits_the_preferred_node_then_the_others_by_id(int preferred, int[] order)
    {
        // All nodes at equal distance: the local node first, then the rest in id order, each once.
        // Kills in NodeAt: "i == 0" -> "!=", "i <= preferred" -> "<" (node 'preferred' twice), "i - 1" -> "i + 1";
        // in Nodes: "n != preferred" -> "==", the bound early exit.
        var world = WorldOf(X86, X86, X86, X86);
        Assert.Equal(order, Enumerable.Range(0, 4).Select(i => Zonelist.NodeAt(preferred, i)));
        Assert.Equal(order, Zonelist.Nodes(world, preferred));
        Assert.Equal([preferred], Zonelist.Nodes(world, preferred, bound: true));
    }
}
