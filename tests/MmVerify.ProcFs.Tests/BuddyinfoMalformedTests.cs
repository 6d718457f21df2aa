using MmVerify.Model.Topology;

namespace MmVerify.ProcFs.Tests;

/// <summary>A broken /proc/buddyinfo throws with the 1-based line at fault.</summary>
public sealed class BuddyinfoMalformedTests
{
    private const string Row0 = "Node 0, zone    DMA32      1      1      1      3 ";
    private const string Row1 = "Node 0, zone   Normal      0      0      0      4 ";
    private const string Row2 = "Node 1, zone   Normal     12      0      7      2 ";

    [Fact]
    public void Rows_of_several_nodes_are_read()
    {
        var info = BuddyinfoParser.Parse($"{Row0}\n{Row1}\n{Row2}\n", "buddyinfo");

        Assert.Equal([(0, ZoneKind.Dma32), (0, ZoneKind.Normal), (1, ZoneKind.Normal)], info.Rows.Select(r => (r.Node, r.Kind)));
        Assert.Equal([12L, 0, 7, 2], info.Find(1, ZoneKind.Normal)!.FreeBlocks);
        Assert.Equal(12 + (7 * 4) + (2 * 8), info.Rows[2].FreePages);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n")]
    public void Empty_file_fails_at_line_1(string text)
    {
        AssertFailsAt(1, text);
    }

    [Fact]
    public void A_row_with_another_number_of_orders()
    {
        AssertFailsAt(3, $"{Row0}\n{Row1}\n{Row2} 5\n");
    }

    [Theory]
    [InlineData("Node 1, zone   Normal     12      0      x      2 ")]
    [InlineData("Node 1, zone   Normal     12      0     -7      2 ")]
    [InlineData("Node 1, zone   Bogus      12      0      7      2 ")]
    [InlineData("Node 1, zone   Normal")]
    [InlineData("Node one, zone   Normal     12      0      7      2 ")]
    [InlineData("garbage")]
    public void A_malformed_row(string row)
    {
        AssertFailsAt(3, $"{Row0}\n{Row1}\n{row}\n");
    }

    [Fact]
    public void A_zone_listed_twice()
    {
        AssertFailsAt(2, $"{Row0}\n{Row0}\n");
    }

    private static void AssertFailsAt(int line, string text)
    {
        var ex = Assert.Throws<ProcFormatException>(() => BuddyinfoParser.Parse(text, "test/buddyinfo"));
        Assert.Equal(("test/buddyinfo", line), (ex.Source, ex.Line));
    }
}
