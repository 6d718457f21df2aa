using System.Text.Json;

namespace MmVerify.Cli.Tests;

/// <summary>--format json: one object with snake_case keys in the documented order.</summary>
public class JsonOutputTests
{
    [Fact]
    public void The_json_report_has_the_documented_fields_in_order()
    {
        var r = CliRun.Run("watermarks", "--zoneinfo", TestFiles.RealZoneinfo, "--format", "json");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(
            ["min_free_kbytes", "min_free_kbytes_rule", "watermark_scale_factor", "lowmem_reserve_ratio", "zones", "match"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(67584, root.GetProperty("min_free_kbytes").GetInt64());
        Assert.Equal("default: THP rule, 3 zones", root.GetProperty("min_free_kbytes_rule").GetString());
        Assert.Equal(10, root.GetProperty("watermark_scale_factor").GetInt64());
        Assert.Equal([256L, 256, 32, 0, 0], root.GetProperty("lowmem_reserve_ratio").EnumerateArray().Select(e => e.GetInt64()));
        Assert.True(root.GetProperty("match").GetBoolean());

        var zones = root.GetProperty("zones").EnumerateArray().ToArray();
        Assert.Equal(["DMA", "DMA32", "Normal", "Movable", "Device"], zones.Select(z => z.GetProperty("zone").GetString()));
        var dma32 = zones[1];
        Assert.Equal(
            ["node", "zone", "managed", "boost", "computed", "file", "mismatches", "match"],
            dma32.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, dma32.GetProperty("node").GetInt32());
        foreach (var side in new[] { "computed", "file" })
        {
            var v = dma32.GetProperty(side);
            Assert.Equal(["min", "low", "high", "promo", "protection"], v.EnumerateObject().Select(p => p.Name));
            Assert.Equal(14385, v.GetProperty("min").GetInt64());
            Assert.Equal(17981, v.GetProperty("low").GetInt64());
            Assert.Equal(21577, v.GetProperty("high").GetInt64());
            Assert.Equal(25173, v.GetProperty("promo").GetInt64());
            Assert.Equal([0L, 0, 512, 512, 512], v.GetProperty("protection").EnumerateArray().Select(e => e.GetInt64()));
        }

        Assert.True(dma32.GetProperty("match").GetBoolean());
        Assert.Empty(dma32.GetProperty("mismatches").EnumerateArray());
    }

    [Fact]
    public void A_mismatch_is_false_in_json_and_names_the_fields()
    {
        var r = CliRun.Run("watermarks", "--zoneinfo", TestFiles.RealZoneinfo, "--format", "json", "--min-free-kbytes", "0");

        Assert.Equal(ExitCodes.Failed, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.False(doc.RootElement.GetProperty("match").GetBoolean());
        Assert.Equal("given", doc.RootElement.GetProperty("min_free_kbytes_rule").GetString());
        var dma = doc.RootElement.GetProperty("zones")[0];
        Assert.False(dma.GetProperty("match").GetBoolean());
        Assert.Equal(["min", "low", "high", "promo"], dma.GetProperty("mismatches").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, dma.GetProperty("computed").GetProperty("min").GetInt64());
        Assert.Equal(71, dma.GetProperty("file").GetProperty("min").GetInt64());
    }
}
