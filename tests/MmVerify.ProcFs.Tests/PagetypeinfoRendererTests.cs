using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.ProcFs.Tests;

/// <summary>/proc/pagetypeinfo of the toy machine, written out by hand from pagetypeinfo_show's format.</summary>
public sealed class PagetypeinfoRendererTests
{
    [Fact]
    public void Toy_machine_without_cma()
    {
        const string expected =
            "Page block order: 2\n" +
            "Pages per block:  4\n" +
            "\n" +
            "Free pages count per migrate type at order       0      1      2      3 \n" +
            "Node    0, zone    DMA32, type    Unmovable      0      0      0      0 \n" +
            "Node    0, zone    DMA32, type      Movable      1      1      1      3 \n" +
            "Node    0, zone    DMA32, type  Reclaimable      0      0      0      0 \n" +
            "Node    0, zone    DMA32, type   HighAtomic      0      0      0      0 \n" +
            "Node    0, zone    DMA32, type      Isolate      0      0      0      0 \n" +
            "Node    0, zone   Normal, type    Unmovable      0      0      0      0 \n" +
            "Node    0, zone   Normal, type      Movable      0      0      0      4 \n" +
            "Node    0, zone   Normal, type  Reclaimable      0      0      0      0 \n" +
            "Node    0, zone   Normal, type   HighAtomic      0      0      0      0 \n" +
            "Node    0, zone   Normal, type      Isolate      0      0      0      0 \n" +
            "\n" +
            "Number of blocks type     Unmovable      Movable  Reclaimable   HighAtomic      Isolate \n" +
            "Node 0, zone    DMA32            0            8            0            0            0 \n" +
            "Node 0, zone   Normal            0            8            0            0            0 \n";

        Assert.Equal(expected, PagetypeinfoRenderer.Render(ToyMachine.BootWithOneDma32PageTaken(), cmaConfigured: false));
    }

    [Fact]
    public void Cma_column_sits_between_highatomic_and_isolate()
    {
        var text = PagetypeinfoRenderer.Render(ToyMachine.Boot(), cmaConfigured: true);

        Assert.Contains("Node    0, zone    DMA32, type   HighAtomic      0      0      0      0 \nNode    0, zone    DMA32, type          CMA      0      0      0      0 \n", text, StringComparison.Ordinal);
        Assert.Contains("Number of blocks type     Unmovable      Movable  Reclaimable   HighAtomic          CMA      Isolate \n", text, StringComparison.Ordinal);
        Assert.Contains("Node 0, zone   Normal            0            8            0            0            0            0 \n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_and_title_match_the_development_machine()
    {
        // The x86_64 geometry: the first four lines of the captured file.
        var captured = Fixture.Read(Fixture.Firecracker618, "pagetypeinfo").Split('\n')[..4];
        var machine = Machine.Boot(
            new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 1024)])]),
            new VmSysctls { UserMinFreeKbytes = 128 },
            BuddyGeometry.X86_64);

        Assert.Equal(captured, PagetypeinfoRenderer.Render(machine, cmaConfigured: false).Split('\n')[..4]);
    }

    [Theory]
    [InlineData(99999, " 99999 ")]
    [InlineData(100000, ">100000 ")]
    [InlineData(100001, ">100000 ")]
    public void A_free_list_is_counted_up_to_100000(int pages, string printed)
    {
        // With MAX_PAGE_ORDER 0 every free page is an order-0 block on the movable list.
        var machine = Machine.Boot(
            new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, pages)])]),
            new VmSysctls { UserMinFreeKbytes = 128, ThpEnabled = false },
            new BuddyGeometry(0, 0));

        var movableRow = PagetypeinfoRenderer.Render(machine, cmaConfigured: false).Split('\n')[5];

        Assert.Equal("Node    0, zone   Normal, type      Movable " + printed, movableRow);
    }
}
