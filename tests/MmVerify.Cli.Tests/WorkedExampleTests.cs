using System.Text.Json;

namespace MmVerify.Cli.Tests;

/// <summary>
/// KERNEL.md §2.2/§2.3's worked example (managed DMA 3840, DMA32 740000, Normal 3400000), written as the
/// kernel would print it, checked against the numbers stated there: with the sqrt value 16285 and with
/// the THP value 67584, matching and not matching.
/// </summary>
public class WorkedExampleTests
{
    private static readonly long[] DmaProtection = [0, 2890, 16171, 16171, 16171];
    private static readonly long[] Dma32Protection = [0, 0, 13281, 13281, 13281];
    private static readonly long[] NoProtection = [0, 0, 0, 0, 0];

    private static string ThpFile(bool promo = true, long normalBoost = 0) => SyntheticZoneinfo.Render(
        new FakeZone("DMA", 3840, 15, 18, 21, promo ? 24 : null, DmaProtection),
        new FakeZone("DMA32", 740000, 3017, 3771, 4525, promo ? 5279 : null, Dma32Protection),
        new FakeZone("Normal", 3400000, 13863 + normalBoost, 17328 + normalBoost, 20793 + normalBoost, promo ? 24258 + normalBoost : null, NoProtection, normalBoost),
        EmptyMovable(promo),
        EmptyDevice(promo));

    private static string SqrtFile() => SyntheticZoneinfo.Render(
        new FakeZone("DMA", 3840, 3, 6, 9, 12, DmaProtection),
        new FakeZone("DMA32", 740000, 726, 1466, 2206, 2946, Dma32Protection),
        new FakeZone("Normal", 3400000, 3340, 6740, 10140, 13540, NoProtection),
        EmptyMovable(true),
        EmptyDevice(true));

    // MOVABLE's MIN is clamp(managed/1024, 32, 128) even when empty; DEVICE's share of nothing is 0.
    private static FakeZone EmptyMovable(bool promo) => new("Movable", 0, 32, 32, 32, promo ? 32 : null, NoProtection);

    private static FakeZone EmptyDevice(bool promo) => new("Device", 0, 0, 0, 0, promo ? 0 : null, NoProtection);

    [Fact]
    public void The_THP_values_match_by_default()
    {
        using var file = TestFiles.Write(ThpFile());
        var r = CliRun.Run("watermarks", "--zoneinfo", file.Path);

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.StartsWith("min_free_kbytes 67584 (default: THP rule, 3 zones),", r.OutLines[0]);
        Assert.Equal("all 5 zones match", r.OutLines[^1]);
    }

    [Fact]
    public void The_THP_values_match_when_67584_is_given()
    {
        using var file = TestFiles.Write(ThpFile());
        Assert.Equal(ExitCodes.Ok, CliRun.Run("watermarks", "--zoneinfo", file.Path, "--min-free-kbytes", "67584").Exit);
    }

    [Fact]
    public void The_sqrt_values_match_when_16285_is_given()
    {
        using var file = TestFiles.Write(SqrtFile());
        var r = CliRun.Run("watermarks", "--zoneinfo", file.Path, "--min-free-kbytes", "16285");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Contains(" 726/726 ", r.Out);
        Assert.Contains("protection (0, 2890, 16171, 16171, 16171)/(0, 2890, 16171, 16171, 16171)", r.Out);
    }

    [Fact]
    public void The_sqrt_values_do_not_match_the_default()
    {
        using var file = TestFiles.Write(SqrtFile());
        var r = CliRun.Run("watermarks", "--zoneinfo", file.Path);

        Assert.Equal(ExitCodes.Failed, r.Exit);
        Assert.Contains("min    15/3  ", r.Out);
        Assert.Equal("3 of 5 zones differ", r.OutLines[^1]);
    }

    [Fact]
    public void The_THP_values_do_not_match_16285()
    {
        using var file = TestFiles.Write(ThpFile());
        var r = CliRun.Run("watermarks", "--zoneinfo", file.Path, "--min-free-kbytes", "16285", "--format", "json");

        Assert.Equal(ExitCodes.Failed, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var normal = doc.RootElement.GetProperty("zones")[2];
        Assert.Equal(3340, normal.GetProperty("computed").GetProperty("min").GetInt64());
        Assert.Equal(13863, normal.GetProperty("file").GetProperty("min").GetInt64());
        Assert.False(doc.RootElement.GetProperty("match").GetBoolean());
    }

    [Fact]
    public void A_wrong_ratio_breaks_only_the_protection()
    {
        using var file = TestFiles.Write(ThpFile());
        var r = CliRun.Run("watermarks", "--zoneinfo", file.Path, "--lowmem-reserve-ratio", "32 256 32 0 0");

        Assert.Equal(ExitCodes.Failed, r.Exit);
        Assert.Contains("protection (0, 23125, 129375, 129375, 129375)/(0, 2890, 16171, 16171, 16171)  MISMATCH", r.Out);
        Assert.Equal("1 of 5 zones differ", r.OutLines[^1]);
    }

    [Fact]
    public void The_files_boost_is_added_as_the_kernel_prints_it()
    {
        using var boosted = TestFiles.Write(ThpFile(normalBoost: 1536));
        var r = CliRun.Run("watermarks", "--zoneinfo", boosted.Path);

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Contains("boost 1536  min 15399/15399", r.Out);
    }

    [Fact]
    public void A_boost_not_included_in_the_printed_watermarks_is_a_mismatch()
    {
        var text = ThpFile().Replace("        boost    0\n        min      13863", "        boost    512\n        min      13863", StringComparison.Ordinal);
        using var file = TestFiles.Write(text);

        Assert.Equal(ExitCodes.Failed, CliRun.Run("watermarks", "--zoneinfo", file.Path).Exit);
    }

    [Fact]
    public void Without_promo_lines_promo_is_not_compared()
    {
        using var file = TestFiles.Write(ThpFile(promo: false));
        var text = CliRun.Run("watermarks", "--zoneinfo", file.Path);
        var json = CliRun.Run("watermarks", "--zoneinfo", file.Path, "--format", "json");

        Assert.Equal(ExitCodes.Ok, text.Exit);
        Assert.All(text.OutLines.Where(l => l.StartsWith("Node ", StringComparison.Ordinal)), l => Assert.DoesNotContain("promo", l));
        using var doc = JsonDocument.Parse(json.Out);
        var dma = doc.RootElement.GetProperty("zones")[0];
        Assert.Equal(JsonValueKind.Null, dma.GetProperty("computed").GetProperty("promo").ValueKind);
        Assert.Equal(JsonValueKind.Null, dma.GetProperty("file").GetProperty("promo").ValueKind);
    }

    [Fact]
    public void A_small_machine_without_THP_uses_the_sqrt_rule()
    {
        // 3840 + 100000 pages (< 512 MiB): hugepage_init leaves THP off, so no khugepaged raise.
        using var file = TestFiles.Write(SyntheticZoneinfo.Render(
            new FakeZone("DMA", 3840, 1, 2, 3, 4, [0, 390, 390]),
            new FakeZone("DMA32", 100000, 1, 2, 3, 4, [0, 0, 0]),
            new FakeZone("Normal", 0, 0, 0, 0, 0, [0, 0, 0])));
        var r = CliRun.Run("watermarks", "--zoneinfo", file.Path);

        // int_sqrt(103840 * 4 * 16) = 2577.
        Assert.StartsWith("min_free_kbytes 2577 (default: 4*sqrt(lowmem kB), THP off below 512 MiB),", r.OutLines[0]);
        Assert.Equal(ExitCodes.Failed, r.Exit);
    }
}
