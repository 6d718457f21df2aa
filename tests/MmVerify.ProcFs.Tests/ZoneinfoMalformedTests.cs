using MmVerify.Model.Topology;

namespace MmVerify.ProcFs.Tests;

/// <summary>A broken /proc/zoneinfo throws with the 1-based line at fault; harmless variations are read.</summary>
public sealed class ZoneinfoMalformedTests
{
    // Two zones of node 0; the comments give each line's number.
    private static readonly string[] Valid =
    [
        "Node 0, zone    DMA32",            // 1
        "  pages free     31",              // 2
        "        boost    0",               // 3
        "        min      8",               // 4
        "        low      10",              // 5
        "        high     12",              // 6
        "        spanned  32",              // 7
        "        present  32",              // 8
        "        managed  32",              // 9
        "        protection: (0, 8)",       // 10
        "      nr_free_pages 31",           // 11
        "  node_unreclaimable:  0",         // 12
        "  start_pfn:           0",         // 13
        "Node 0, zone   Normal",            // 14
        "  pages free     32",              // 15
        "        boost    0",               // 16
        "        min      8",               // 17
        "        low      10",              // 18
        "        high     12",              // 19
        "        spanned  32",              // 20
        "        present  32",              // 21
        "        managed  32",              // 22
        "        protection: (0, 0)",       // 23
    ];

    [Fact]
    public void The_base_text_is_valid()
    {
        var info = Parse(Valid);

        Assert.Equal([ZoneKind.Dma32, ZoneKind.Normal], info.Zones.Select(z => z.Kind));
        Assert.Equal([0L, 8], info.Zones[0].Protection);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    public void Empty_file_fails_at_line_1(string text)
    {
        var ex = Assert.Throws<ProcFormatException>(() => ZoneinfoParser.Parse(text, "zoneinfo"));

        Assert.Equal(("zoneinfo", 1), (ex.Source, ex.Line));
    }

    [Fact]
    public void Watermark_before_any_zone_header()
    {
        AssertFailsAt(1, Insert(1, "        min      8"));
    }

    [Theory]
    [InlineData(4, "        min      eight")]
    [InlineData(4, "        min      -8")]
    [InlineData(4, "        min")]
    [InlineData(4, "        min      8 9")]
    [InlineData(2, "  pages free")]
    [InlineData(9, "        managed  99999999999999999999999")]
    [InlineData(10, "        protection: (0, x)")]
    [InlineData(10, "        protection: 0, 8")]
    [InlineData(12, "  node_unreclaimable:  no")]
    [InlineData(13, "  start_pfn:           0x0")]
    [InlineData(11, "      nr_free_pages 3l")]
    public void A_number_field_without_a_number(int line, string text)
    {
        AssertFailsAt(line, Replace(line, text));
    }

    [Theory]
    [InlineData("Node 0, zone    Bogus")]
    [InlineData("Node 0, zone    dma32")]
    [InlineData("Node x, zone    DMA32")]
    [InlineData("Node 0 zone DMA32")]
    public void A_bad_zone_header(string header)
    {
        AssertFailsAt(14, Replace(14, header));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(2)]
    public void A_zone_missing_a_required_line_fails_at_its_header(int missing)
    {
        AssertFailsAt(1, Remove(missing));
    }

    [Fact]
    public void The_last_zone_missing_a_line_fails_at_its_header()
    {
        AssertFailsAt(14, Remove(23));
    }

    [Fact]
    public void Protection_with_more_values_than_the_node_has_zones()
    {
        AssertFailsAt(23, Replace(23, "        protection: (0, 0, 0)"));
    }

    [Fact]
    public void Protection_with_fewer_values_than_the_node_has_zones()
    {
        AssertFailsAt(10, Replace(10, "        protection: (0)"));
    }

    [Fact]
    public void Duplicate_zone_in_a_node()
    {
        AssertFailsAt(14, Replace(14, "Node 0, zone    DMA32"));
    }

    [Fact]
    public void Zones_out_of_index_order()
    {
        var text = Replace(1, "Node 0, zone   Normal");
        AssertFailsAt(14, text.Replace("Node 0, zone   Normal\n  pages free     32", "Node 0, zone    DMA32\n  pages free     32", StringComparison.Ordinal));
    }

    [Fact]
    public void Node_numbers_going_down()
    {
        AssertFailsAt(14, Replace(1, "Node 1, zone    DMA32"));
    }

    [Fact]
    public void A_field_given_twice()
    {
        AssertFailsAt(6, Replace(6, "        low      10"));
    }

    [Fact]
    public void A_line_that_is_no_field()
    {
        AssertFailsAt(11, Replace(11, "      ??? 3"));
    }

    [Fact]
    public void Protection_count_is_checked_per_node()
    {
        // Node 1 has one zone, so its protection has one value, unlike node 0's two.
        var text = Join(Valid) + "Node 1, zone   Normal\n  pages free     0\n        min      0\n        low      0\n" +
            "        high     0\n        spanned  0\n        present  0\n        managed  0\n        protection: (0, 0)\n";

        AssertFailsAt(32, text);
    }

    [Fact]
    public void Unknown_counters_blank_lines_and_crlf_are_read()
    {
        var text = Insert(12, "      nr_counter_of_2030 17") + "\n";
        text = text.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("Node 0, zone   Normal", "\r\nNode 0, zone   Normal", StringComparison.Ordinal);

        var info = ZoneinfoParser.Parse(text, "zoneinfo");

        Assert.Equal(2, info.Zones.Count);
        // One inserted counter and one blank line push the second header from 14 to 16.
        Assert.Equal(16, info.Zones[1].Line);
    }

    [Fact]
    public void Missing_boost_and_cma_lines_read_as_zero()
    {
        var z = Parse(Remove(3).Split('\n')).Zones[0];

        Assert.Equal((0L, false), (z.Boost, z.HasBoostLine));
        Assert.Equal((0L, false), (z.Cma, z.HasCmaLine));
        Assert.Null(z.Promo);
    }

    [Fact]
    public void Highatomic_lines_of_7_2_are_recorded()
    {
        var text = Insert(14, "  reserved_highatomic: 1024\n  free_highatomic:     512");

        var z = ZoneinfoParser.Parse(text, "zoneinfo").Zones[0];

        Assert.Equal((1024L, 512L), (z.ReservedHighatomic!.Value, z.FreeHighatomic!.Value));
    }

    private static Zoneinfo Parse(IEnumerable<string> lines) => ZoneinfoParser.Parse(Join(lines), "zoneinfo");

    private static void AssertFailsAt(int line, string text)
    {
        var ex = Assert.Throws<ProcFormatException>(() => ZoneinfoParser.Parse(text, "test/zoneinfo"));
        Assert.Equal(("test/zoneinfo", line), (ex.Source, ex.Line));
        Assert.StartsWith($"test/zoneinfo:{line}: ", ex.Message, StringComparison.Ordinal);
    }

    private static string Join(IEnumerable<string> lines) => string.Join("\n", lines.Where(l => l.Length > 0)) + "\n";

    private static string Replace(int line, string text) => Join(Valid.Select((l, i) => i + 1 == line ? text : l));

    private static string Remove(int line) => Join(Valid.Where((_, i) => i + 1 != line));

    // Inserts before the given line.
    private static string Insert(int before, string text) =>
        Join(Valid.Take(before - 1).Append(text).Concat(Valid.Skip(before - 1)));
}
