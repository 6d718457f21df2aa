namespace MmVerify.Cli.Tests;

/// <summary>This machine's own /proc/zoneinfo must be reproduced exactly by the kernel arithmetic.</summary>
public class RealZoneinfoTests
{
    private static readonly string Zoneinfo = TestFiles.RealZoneinfo;

    [Fact]
    public void The_machines_sysctls_reproduce_every_zone()
    {
        var r = CliRun.Run("watermarks", "--zoneinfo", Zoneinfo,
            "--min-free-kbytes", "67584", "--watermark-scale-factor", "10", "--lowmem-reserve-ratio", "256 256 32 0 0");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Equal("", r.Err);
        Assert.Equal("all 5 zones match", r.OutLines[^1]);
        Assert.DoesNotContain("MISMATCH", r.Out);
    }

    [Fact]
    public void Without_options_the_default_rule_gives_the_THP_value()
    {
        var r = CliRun.Run("watermarks", "--zoneinfo", Zoneinfo);

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.StartsWith("min_free_kbytes 67584 (default: THP rule, 3 zones), watermark_scale_factor 10 (default), "
            + "lowmem_reserve_ratio 256 256 32 0 0 (default)", r.OutLines[0]);
    }

    [Fact]
    public void The_text_report_is_the_documented_table()
    {
        const string expected = """
            min_free_kbytes 67584 (default: THP rule, 3 zones), watermark_scale_factor 10 (default), lowmem_reserve_ratio 256 256 32 0 0 (default)
            pages, computed/file; min, low, high and promo include the zone's boost
            Node 0, zone      DMA  managed   3840  boost 0  min    71/71     low    88/88     high   105/105    promo   122/122
                                   protection (0, 3019, 3531, 3531, 3531)/(0, 3019, 3531, 3531, 3531)
            Node 0, zone    DMA32  managed 772917  boost 0  min 14385/14385  low 17981/17981  high 21577/21577  promo 25173/25173
                                   protection (0, 0, 512, 512, 512)/(0, 0, 512, 512, 512)
            Node 0, zone   Normal  managed 131072  boost 0  min  2439/2439   low  3048/3048   high  3657/3657   promo  4266/4266
                                   protection (0, 0, 0, 0, 0)/(0, 0, 0, 0, 0)
            Node 0, zone  Movable  managed      0  boost 0  min    32/32     low    32/32     high    32/32     promo    32/32
                                   protection (0, 0, 0, 0, 0)/(0, 0, 0, 0, 0)
            Node 0, zone   Device  managed      0  boost 0  min     0/0      low     0/0      high     0/0      promo     0/0
                                   protection (0, 0, 0, 0, 0)/(0, 0, 0, 0, 0)
            all 5 zones match

            """;

        Assert.Equal(expected, CliRun.Run("watermarks", "--zoneinfo", Zoneinfo).Out);
    }

    [Fact]
    public void A_different_min_free_kbytes_exits_1_and_marks_the_populated_zones()
    {
        var r = CliRun.Run("watermarks", "--zoneinfo", Zoneinfo, "--min-free-kbytes", "16384");

        Assert.Equal(ExitCodes.Failed, r.Exit);
        Assert.Equal("", r.Err);
        Assert.Contains("min_free_kbytes 16384 (given)", r.OutLines[0]);
        foreach (var zone in new[] { "DMA", "DMA32", "Normal" })
        {
            Assert.EndsWith("MISMATCH: min, low, high, promo", ZoneRow(r, zone));
        }

        // MOVABLE's min is a fixed clamp and DEVICE has no pages: neither depends on min_free_kbytes.
        Assert.DoesNotContain("MISMATCH", ZoneRow(r, "Movable"));
        Assert.DoesNotContain("MISMATCH", ZoneRow(r, "Device"));
        Assert.Equal("3 of 5 zones differ", r.OutLines[^1]);
    }

    [Fact]
    public void A_scale_factor_below_the_min_share_changes_nothing()
    {
        // delta = max(tmp >> 2, managed * wsf / 10000): with 67584 kB, tmp >> 2 wins in every zone at 11.
        Assert.Equal(ExitCodes.Ok, CliRun.Run("watermarks", "--zoneinfo", Zoneinfo, "--watermark-scale-factor", "11").Exit);
    }

    [Fact]
    public void A_larger_scale_factor_exits_1()
    {
        var r = CliRun.Run("watermarks", "--zoneinfo", Zoneinfo, "--watermark-scale-factor", "100");

        Assert.Equal(ExitCodes.Failed, r.Exit);
        Assert.EndsWith("MISMATCH: low, high, promo", ZoneRow(r, "DMA32"));
    }

    [Fact]
    public void A_different_ratio_marks_only_the_protection_it_changes()
    {
        var r = CliRun.Run("watermarks", "--zoneinfo", Zoneinfo, "--lowmem-reserve-ratio", "256 128");

        Assert.Equal(ExitCodes.Failed, r.Exit);
        Assert.Contains("lowmem_reserve_ratio 256 128 32 0 0 (given for the first 2 of 5 zones, kernel defaults after)", r.OutLines[0]);
        Assert.Contains("protection (0, 0, 1024, 1024, 1024)/(0, 0, 512, 512, 512)  MISMATCH", r.Out);
        Assert.DoesNotContain("MISMATCH:", r.Out);
        Assert.Equal("1 of 5 zones differ", r.OutLines[^1]);
    }

    [Theory]
    [InlineData("256 256 32 0 0")]
    [InlineData("256\t256\t32\t0\t0")]
    [InlineData("256")]
    [InlineData("256 256 32 -7 0")]
    public void Ratio_writes_the_kernel_would_store_identically_match(string ratio)
    {
        Assert.Equal(ExitCodes.Ok, CliRun.Run("watermarks", "--zoneinfo", Zoneinfo, "--lowmem-reserve-ratio", ratio).Exit);
    }

    [Fact]
    public void Ratio_values_may_also_come_as_separate_arguments()
    {
        var r = CliRun.Run("watermarks", "--zoneinfo", Zoneinfo, "--lowmem-reserve-ratio", "256", "256", "32", "0", "0");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Contains("lowmem_reserve_ratio 256 256 32 0 0 (given)", r.OutLines[0]);
    }

    [Fact]
    public void The_output_is_the_same_bytes_every_time()
    {
        string[] args = ["watermarks", "--zoneinfo", Zoneinfo, "--min-free-kbytes", "1000", "--format", "json"];
        Assert.Equal(CliRun.Run(args).Out, CliRun.Run(args).Out);
    }

    private static string ZoneRow(CliResult r, string zone) =>
        r.OutLines.Single(l => l.StartsWith($"Node 0, zone {zone,8} ", StringComparison.Ordinal));
}
