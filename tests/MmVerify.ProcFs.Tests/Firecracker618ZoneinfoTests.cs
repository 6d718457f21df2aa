using MmVerify.Model.Topology;

namespace MmVerify.ProcFs.Tests;

/// <summary>The development machine's /proc/zoneinfo (Linux 6.18.44), read field by field.</summary>
public sealed class Firecracker618ZoneinfoTests
{
    private readonly Zoneinfo _info = Fixture.Zoneinfo(Fixture.Firecracker618);

    [Fact]
    public void Five_zones_of_node_0_in_index_order_with_their_header_lines()
    {
        Assert.Equal(
            [(0, ZoneKind.Dma, 1), (0, ZoneKind.Dma32, 99), (0, ZoneKind.Normal, 145), (0, ZoneKind.Movable, 191), (0, ZoneKind.Device, 203)],
            _info.Zones.Select(z => (z.Node, z.Kind, z.Line)));
        Assert.True(_info.HasPromo);
    }

    [Fact]
    public void Dma_zone_every_number()
    {
        var z = _info.Find(0, ZoneKind.Dma)!;
        Assert.Equal(
            new ZoneinfoZone(
                Node: 0, Kind: ZoneKind.Dma, Line: 1, PagesFree: 3840, Boost: 0, Min: 71, Low: 88, High: 105, Promo: 122,
                Spanned: 4095, Present: 3998, Managed: 3840, Cma: 0, Protection: z.Protection,
                StartPfn: 1, NrFreePages: 3840, NrFreePagesBlocks: 3584, NrFreeCma: 0, NodeUnreclaimable: false),
            z);
        Assert.Equal([0L, 3019, 3531, 3531, 3531], z.Protection);
        Assert.True(z.HasBoostLine);
        Assert.True(z.HasCmaLine);
        Assert.Null(z.ReservedHighatomic);
        Assert.Null(z.FreeHighatomic);
    }

    [Fact]
    public void Dma32_zone_every_number()
    {
        var z = _info.Find(0, ZoneKind.Dma32)!;
        Assert.Equal(
            new ZoneinfoZone(
                Node: 0, Kind: ZoneKind.Dma32, Line: 99, PagesFree: 772917, Boost: 0, Min: 14385, Low: 17981, High: 21577, Promo: 25173,
                Spanned: 1044480, Present: 782336, Managed: 772917, Cma: 0, Protection: z.Protection,
                StartPfn: 4096, NrFreePages: 772917, NrFreePagesBlocks: 771072, NrFreeCma: 0, NodeUnreclaimable: false),
            z);
        Assert.Equal([0L, 0, 512, 512, 512], z.Protection);
    }

    [Fact]
    public void Normal_zone_sizes_and_watermarks()
    {
        var z = _info.Find(0, ZoneKind.Normal)!;
        Assert.Equal((107171L, 2439L, 3048L, 3657L, 4266L), (z.PagesFree, z.Min, z.Low, z.High, z.Promo!.Value));
        Assert.Equal((5505024L, 5505024L, 131072L, 1048576L), (z.Spanned, z.Present, z.Managed, z.StartPfn!.Value));
        Assert.Equal((107171L, 52224L), (z.NrFreePages!.Value, z.NrFreePagesBlocks!.Value));
        Assert.Equal([0L, 0, 0, 0, 0], z.Protection);
    }

    [Fact]
    public void Empty_movable_and_device_zones_stop_after_protection()
    {
        var movable = _info.Find(0, ZoneKind.Movable)!;
        Assert.Equal(
            new ZoneinfoZone(
                Node: 0, Kind: ZoneKind.Movable, Line: 191, PagesFree: 0, Boost: 0, Min: 32, Low: 32, High: 32, Promo: 32,
                Spanned: 0, Present: 0, Managed: 0, Cma: 0, Protection: movable.Protection,
                StartPfn: null, NrFreePages: null, NrFreePagesBlocks: null, NrFreeCma: null, NodeUnreclaimable: null),
            movable);
        Assert.Equal([0L, 0, 0, 0, 0], movable.Protection);

        var device = _info.Find(0, ZoneKind.Device)!;
        Assert.Equal(
            new ZoneinfoZone(
                Node: 0, Kind: ZoneKind.Device, Line: 203, PagesFree: 0, Boost: 0, Min: 0, Low: 0, High: 0, Promo: 0,
                Spanned: 0, Present: 0, Managed: 0, Cma: 0, Protection: device.Protection,
                StartPfn: null, NrFreePages: null, NrFreePagesBlocks: null, NrFreeCma: null, NodeUnreclaimable: null),
            device);
        Assert.False(device.IsPopulated);
    }

    [Fact]
    public void Machine_spec_has_the_managed_pages_of_each_zone()
    {
        var spec = _info.ToMachineSpec();

        var node = Assert.Single(spec.Nodes);
        Assert.Equal(
            [(ZoneKind.Dma, 3840L), (ZoneKind.Dma32, 772917L), (ZoneKind.Normal, 131072L), (ZoneKind.Movable, 0L), (ZoneKind.Device, 0L)],
            node.Zones.Select(z => (z.Kind, z.Managed)));
        Assert.Equal(907829, spec.TotalRamPages);
        Assert.Equal(new ZoneSpec(ZoneKind.Dma32, 4096, 1044480, 782336, 772917), node.Zones[1]);
    }
}
