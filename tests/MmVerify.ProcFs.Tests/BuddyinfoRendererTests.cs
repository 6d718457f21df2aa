namespace MmVerify.ProcFs.Tests;

/// <summary>/proc/buddyinfo of the toy machine, written out by hand from frag_show_print's format.</summary>
public sealed class BuddyinfoRendererTests
{
    [Fact]
    public void Boot_leaves_four_order_3_blocks_per_zone_and_skips_the_empty_zone()
    {
        const string expected =
            "Node 0, zone    DMA32      0      0      0      4 \n" +
            "Node 0, zone   Normal      0      0      0      4 \n";

        Assert.Equal(expected, BuddyinfoRenderer.Render(ToyMachine.Boot()));
    }

    [Fact]
    public void Taking_one_page_splits_an_order_3_block()
    {
        const string expected =
            "Node 0, zone    DMA32      1      1      1      3 \n" +
            "Node 0, zone   Normal      0      0      0      4 \n";

        Assert.Equal(expected, BuddyinfoRenderer.Render(ToyMachine.BootWithOneDma32PageTaken()));
    }

    [Fact]
    public void Rendered_text_parses_back_to_the_model_counts()
    {
        var machine = ToyMachine.BootWithOneDma32PageTaken();

        var info = BuddyinfoParser.Parse(BuddyinfoRenderer.Render(machine), "rendered");

        Assert.Equal(4, info.NrPageOrders);
        Assert.Equal([1L, 1, 1, 3], info.Rows[0].FreeBlocks);
        Assert.Equal(machine.Nodes[0].Zones[0].NrFreePages, info.Rows[0].FreePages);
    }
}
