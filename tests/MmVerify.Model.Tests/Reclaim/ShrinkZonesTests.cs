using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>
/// shrink_zones and the allocstall count of do_try_to_free_pages: which nodes are shrunk, and which
/// zone's allocstall counter is bumped (the zone of sc->reclaim_idx = gfp_zone(gfp)).
/// </summary>
public class ShrinkZonesTests
{
    private static World Boot(params NodeSpec[] nodes)
    {
        var machine = Machine.Boot(new MachineSpec(nodes), new VmSysctls { UserMinFreeKbytes = 4096 }, BuddyGeometry.X86_64);
        var world = new World(machine, VariantCatalog.Resolve("linux-7.2"));
        world.Tasks.Add(new TaskState(0, 1000, "t", 0, 0));
        return world;
    }

    [Theory]
    [InlineData(GfpFlags.Dma, VmEvent.AllocstallDma)]
    [InlineData(GfpFlags.Dma32, VmEvent.AllocstallDma32)]
    [InlineData((GfpFlags)0, VmEvent.AllocstallNormal)]
    [InlineData(GfpFlags.HighMem | GfpFlags.Movable, VmEvent.AllocstallMovable)]
    public void Allocstall_is_counted_for_the_highest_zone_the_gfp_allows(GfpFlags zoneBits, VmEvent expected)
    {
        var world = Boot(new NodeSpec(0,
        [
            ZoneSpec.Flat(ZoneKind.Dma, 0, 4096),
            ZoneSpec.Flat(ZoneKind.Dma32, 4096, 8192),
            ZoneSpec.Flat(ZoneKind.Normal, 12288, 8192),
            ZoneSpec.Flat(ZoneKind.Movable, 20480, 8192),
        ]));

        DirectReclaimer.TryToFreePages(world, world.Tasks[0], Gfp.Gfp.Kernel | zoneBits, 0, out _);

        Assert.Equal(1, world.Vm[expected]);
        var all = new[] { VmEvent.AllocstallDma, VmEvent.AllocstallDma32, VmEvent.AllocstallNormal, VmEvent.AllocstallMovable };
        Assert.Equal(1, all.Sum(e => world.Vm[e]));
    }

    [Fact]
    public void Every_node_of_the_zonelist_is_shrunk_once_per_priority()
    {
        // Nothing reclaimable: 13 priorities, two nodes, one shrink_node call each.
        var world = Boot(
            new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 16384)]),
            new NodeSpec(1, [ZoneSpec.Flat(ZoneKind.Normal, 16384, 16384)]));

        DirectReclaimer.TryToFreePages(world, world.Tasks[0], Gfp.Gfp.Kernel, 0, out var cost);

        Assert.Equal(26 * world.Costs.ShrinkNodeCall, cost);
    }

    [Fact]
    public void A_task_bound_to_its_node_shrinks_only_that_node()
    {
        var world = Boot(
            new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 16384)]),
            new NodeSpec(1, [ZoneSpec.Flat(ZoneKind.Normal, 16384, 16384)]));
        world.Tasks[0].Bound = true;

        DirectReclaimer.TryToFreePages(world, world.Tasks[0], Gfp.Gfp.Kernel, 0, out var cost);

        Assert.Equal(13 * world.Costs.ShrinkNodeCall, cost);
    }

    [Fact]
    public void A_node_without_populated_zones_at_or_below_reclaim_idx_is_not_shrunk()
    {
        // Node 1 has only an empty Normal zone (no managed pages): shrink_zones skips it.
        var world = Boot(
            new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 16384)]),
            new NodeSpec(1, [ZoneSpec.Empty(ZoneKind.Normal)]));

        DirectReclaimer.TryToFreePages(world, world.Tasks[0], Gfp.Gfp.Kernel, 0, out var cost);

        Assert.Equal(13 * world.Costs.ShrinkNodeCall, cost);
    }

    [Fact]
    public void Zones_above_reclaim_idx_do_not_make_a_node_shrinkable()
    {
        // GFP_DMA32 reclaim on a node whose DMA32 zone is empty and whose Normal zone is populated:
        // only zones <= reclaim_idx count, so the node is not shrunk at all.
        var world = Boot(new NodeSpec(0,
        [
            ZoneSpec.Empty(ZoneKind.Dma32),
            ZoneSpec.Flat(ZoneKind.Normal, 0, 16384),
        ]));

        DirectReclaimer.TryToFreePages(world, world.Tasks[0], Gfp.Gfp.Kernel | GfpFlags.Dma32, 0, out var cost);

        Assert.Equal(0, cost);
        Assert.Equal(1, world.Vm[VmEvent.AllocstallDma32]);
    }
}
