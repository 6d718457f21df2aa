namespace MmVerify.ProcFs.Tests;

/// <summary>/proc/zoneinfo of the toy machine, written out by hand from zoneinfo_show_print's format.</summary>
public sealed class ZoneinfoRendererTests
{
    private const string Dma32 =
        "Node 0, zone    DMA32\n" +
        "  pages free     31\n" +
        "        boost    0\n" +
        "        min      8\n" +
        "        low      10\n" +
        "        high     12\n" +
        "        promo    14\n" +
        "        spanned  32\n" +
        "        present  32\n" +
        "        managed  32\n" +
        "        cma      0\n" +
        "        protection: (0, 8, 8)\n" +
        "      nr_free_pages 31\n" +
        "      nr_free_pages_blocks 28\n" +
        "      nr_free_cma  0\n" +
        "  node_unreclaimable:  0\n" +
        "  start_pfn:           0\n";

    private const string Normal =
        "Node 0, zone   Normal\n" +
        "  pages free     32\n" +
        "        boost    0\n" +
        "        min      8\n" +
        "        low      10\n" +
        "        high     12\n" +
        "        promo    14\n" +
        "        spanned  32\n" +
        "        present  32\n" +
        "        managed  32\n" +
        "        cma      0\n" +
        "        protection: (0, 0, 0)\n" +
        "      nr_free_pages 32\n" +
        "      nr_free_pages_blocks 32\n" +
        "      nr_free_cma  0\n" +
        "  node_unreclaimable:  0\n" +
        "  start_pfn:           32\n";

    // Empty zones stop after protection; MOVABLE's MIN is clamped to 32 and its distance is 0.
    private const string Movable =
        "Node 0, zone  Movable\n" +
        "  pages free     0\n" +
        "        boost    0\n" +
        "        min      32\n" +
        "        low      32\n" +
        "        high     32\n" +
        "        promo    32\n" +
        "        spanned  0\n" +
        "        present  0\n" +
        "        managed  0\n" +
        "        cma      0\n" +
        "        protection: (0, 0, 0)\n";

    [Fact]
    public void Toy_machine_with_every_optional_line()
    {
        Assert.Equal(Dma32 + Normal + Movable, ZoneinfoRenderer.Render(ToyMachine.BootWithOneDma32PageTaken(), ZoneinfoOptions.Linux7_2));
    }

    [Fact]
    public void Linux_6_1_has_no_promo_line_and_no_blocks_counter()
    {
        var text = ZoneinfoRenderer.Render(ToyMachine.BootWithOneDma32PageTaken(), ZoneinfoOptions.Linux6_1);

        var expected = (Dma32 + Normal + Movable)
            .Replace("        promo    14\n", "", StringComparison.Ordinal)
            .Replace("        promo    32\n", "", StringComparison.Ordinal)
            .Replace("      nr_free_pages_blocks 28\n", "", StringComparison.Ordinal)
            .Replace("      nr_free_pages_blocks 32\n", "", StringComparison.Ordinal);
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Lines_of_older_kernels_can_be_left_out()
    {
        var text = ZoneinfoRenderer.Render(ToyMachine.Boot(), new ZoneinfoOptions { Boost = false, Cma = false });

        Assert.DoesNotContain("boost", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cma      ", text, StringComparison.Ordinal);
        Assert.Contains("      nr_free_cma  0\n", text, StringComparison.Ordinal);
    }
}
