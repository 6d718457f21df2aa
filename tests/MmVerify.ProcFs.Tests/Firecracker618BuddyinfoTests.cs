using MmVerify.Model.Topology;

namespace MmVerify.ProcFs.Tests;

/// <summary>The development machine's /proc/buddyinfo (Linux 6.18.44).</summary>
public sealed class Firecracker618BuddyinfoTests
{
    private readonly Buddyinfo _info = BuddyinfoParser.Parse(Fixture.Read(Fixture.Firecracker618, "buddyinfo"), "buddyinfo");

    [Fact]
    public void Three_populated_zones_with_eleven_orders_each()
    {
        Assert.Equal(11, _info.NrPageOrders);
        Assert.Equal(
            [(0, ZoneKind.Dma, 1), (0, ZoneKind.Dma32, 2), (0, ZoneKind.Normal, 3)],
            _info.Rows.Select(r => (r.Node, r.Kind, r.Line)));
        Assert.Equal([0L, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3], _info.Rows[0].FreeBlocks);
        Assert.Equal([1L, 2, 4, 2, 5, 4, 3, 3, 4, 2, 752], _info.Rows[1].FreeBlocks);
        Assert.Equal([135L, 659, 626, 497, 348, 229, 129, 93, 54, 20, 41], _info.Rows[2].FreeBlocks);
    }

    [Fact]
    public void Quiet_zones_hold_the_free_pages_zoneinfo_reports()
    {
        // The files were read one after the other; DMA and DMA32 did not change in between.
        var zoneinfo = Fixture.Zoneinfo(Fixture.Firecracker618);

        Assert.Equal(3840, _info.Find(0, ZoneKind.Dma)!.FreePages);
        Assert.Equal(zoneinfo.Find(0, ZoneKind.Dma)!.PagesFree, _info.Find(0, ZoneKind.Dma)!.FreePages);
        Assert.Equal(zoneinfo.Find(0, ZoneKind.Dma32)!.PagesFree, _info.Find(0, ZoneKind.Dma32)!.FreePages);
    }

    [Fact]
    public void Empty_zones_have_no_row()
    {
        Assert.Null(_info.Find(0, ZoneKind.Movable));
        Assert.Null(_info.Find(0, ZoneKind.Device));
    }
}
