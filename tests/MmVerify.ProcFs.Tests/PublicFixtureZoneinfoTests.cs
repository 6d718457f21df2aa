using MmVerify.Model.Topology;

namespace MmVerify.ProcFs.Tests;

/// <summary>Real /proc/zoneinfo files of other kernels, from public sources (see each fixture's README).</summary>
public sealed class PublicFixtureZoneinfoTests
{
    [Fact]
    public void Kernel_4x_without_boost_promo_or_cma_lines()
    {
        var info = Fixture.Zoneinfo(Fixture.Prometheus4x);

        Assert.Equal([1, 103, 174, 245, 254], info.Zones.Select(z => z.Line));
        Assert.False(info.HasPromo);
        var dma = info.Find(0, ZoneKind.Dma)!;
        Assert.Equal(
            new ZoneinfoZone(
                Node: 0, Kind: ZoneKind.Dma, Line: 1, PagesFree: 3952, Boost: 0, Min: 33, Low: 41, High: 49, Promo: null,
                Spanned: 4095, Present: 3975, Managed: 3956, Cma: 0, Protection: dma.Protection,
                StartPfn: 1, NrFreePages: 3952, NrFreePagesBlocks: null, NrFreeCma: 0, NodeUnreclaimable: false)
            {
                HasBoostLine = false,
                HasCmaLine = false,
            },
            dma);
        Assert.Equal([0L, 2877, 7826, 7826, 7826], dma.Protection);

        var dma32 = info.Find(0, ZoneKind.Dma32)!;
        Assert.Equal((204252L, 19510L, 21059L, 22608L), (dma32.PagesFree, dma32.Min, dma32.Low, dma32.High));
        Assert.Equal((1044480L, 759231L, 742806L, 4096L), (dma32.Spanned, dma32.Present, dma32.Managed, dma32.StartPfn!.Value));
        Assert.Equal([0L, 0, 4949, 4949, 4949], dma32.Protection);

        Assert.Equal(3956 + 742806 + 1268711, info.ToMachineSpec().TotalRamPages);
    }

    [Fact]
    public void Kernel_417_two_nodes_with_a_nameless_per_node_counter()
    {
        var info = Fixture.Zoneinfo(Fixture.TwoNode417);

        Assert.Equal(
            [(0, 1), (0, 71), (0, 112), (0, 121), (0, 162), (1, 171), (1, 180), (1, 189), (1, 198), (1, 268)],
            info.Zones.Select(z => (z.Node, z.Line)));
        var spec = info.ToMachineSpec();
        Assert.Equal([0, 1], spec.Nodes.Select(n => n.Id));
        Assert.All(spec.Nodes, n => Assert.Equal(ZoneKinds.X86_64Layout, n.Zones.Select(z => z.Kind)));

        // Node 1's per-node stats sit under its only populated zone, Movable.
        var movable1 = info.Find(1, ZoneKind.Movable)!;
        Assert.Equal((448427L, 3827L, 4783L, 5739L), (movable1.PagesFree, movable1.Min, movable1.Low, movable1.High));
        Assert.Equal((524288L, 524288L, 515766L, 1310720L), (movable1.Spanned, movable1.Present, movable1.Managed, movable1.StartPfn!.Value));

        // 4.17 still gave empty zones non-zero protection.
        Assert.Equal([0L, 0, 0, 16117, 16117], info.Find(1, ZoneKind.Normal)!.Protection);
        Assert.False(info.Find(0, ZoneKind.Normal)!.IsPopulated);
        Assert.Equal(3977 + 758516 + 245670 + 515766, spec.TotalRamPages);
    }

    [Fact]
    public void Kernel_6x_arm64_two_nodes_of_four_zones_with_cma()
    {
        var info = Fixture.Zoneinfo(Fixture.Arm64TwoNode6x);

        Assert.Equal([1, 137, 149, 161, 173, 309, 321, 333], info.Zones.Select(z => z.Line));
        Assert.True(info.HasPromo);
        Assert.All(info.Zones, z => Assert.Equal(4, z.Protection.Count));

        var dma1 = info.Find(1, ZoneKind.Dma)!;
        Assert.Equal(
            new ZoneinfoZone(
                Node: 1, Kind: ZoneKind.Dma, Line: 173, PagesFree: 243278, Boost: 0, Min: 5751, Low: 7188, High: 8625, Promo: 10062,
                Spanned: 262144, Present: 262144, Managed: 256381, Cma: 8192, Protection: dma1.Protection,
                StartPfn: 524288, NrFreePages: 243278, NrFreePagesBlocks: null, NrFreeCma: 8000, NodeUnreclaimable: false),
            dma1);

        var spec = info.ToMachineSpec();
        Assert.Equal(
            [ZoneKind.Dma, ZoneKind.Dma32, ZoneKind.Normal, ZoneKind.Movable],
            spec.Nodes[1].Zones.Select(z => z.Kind));
        Assert.Equal(8192, spec.Nodes[1].Zones[0].CmaPages);
        Assert.Equal(248725 + 256381, spec.TotalRamPages);
    }
}
