using MmVerify.Model.Gfp;
using MmVerify.ProcFs.Trace;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Tests;

/// <summary>GFP masks in scenario files: kernel names joined by '|', or hex; the names read back what traces print.</summary>
public class GfpNamesTests
{
    [Theory]
    [InlineData("GFP_KERNEL", 0xcc0u)]
    [InlineData("GFP_ATOMIC", 0x820u)]
    [InlineData("GFP_NOWAIT", 0x2800u)]
    [InlineData("GFP_NOIO", 0xc00u)]
    [InlineData("GFP_NOFS", 0xc40u)]
    [InlineData("GFP_USER", 0x100cc0u)]
    [InlineData("GFP_HIGHUSER_MOVABLE", 0x100ccau)]
    [InlineData("GFP_TRANSHUGE_LIGHT", 0x1c20cau)]
    [InlineData("GFP_TRANSHUGE", 0x1c24cau)]
    [InlineData("__GFP_NORETRY", 0x10000u)]
    [InlineData("GFP_KERNEL|__GFP_NORETRY|__GFP_NOWARN", 0x12cc0u)]
    [InlineData("GFP_ATOMIC | __GFP_COMP", 0x40820u)]
    [InlineData("0x820", 0x820u)]
    [InlineData("0X820", 0x820u)]
    [InlineData("0x0", 0u)]
    [InlineData("GFP_NOWAIT|0x40", 0x2840u)]
    public void Names_and_hex_read_as_the_kernel_defines_them(string text, uint expected)
    {
        Assert.Equal((GfpFlags)expected, GfpNames.TryParse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("GFP_KERNAL", "unknown gfp flag 'GFP_KERNAL'")]
    [InlineData("gfp_kernel", "unknown gfp flag 'gfp_kernel'")]
    [InlineData("", "empty flag")]
    [InlineData("GFP_KERNEL|", "empty flag")]
    [InlineData("0x200", "sets bits no __GFP_* flag of the model names (0x200)")]
    [InlineData("0xZZ", "'0xZZ' is not a 32-bit hex number")]
    [InlineData("0x", "'0x' is not a 32-bit hex number")]
    [InlineData("0x100000000", "is not a 32-bit hex number")]
    [InlineData("2080", "unknown gfp flag '2080'")]
    public void Anything_else_is_refused_with_a_reason(string text, string reason)
    {
        Assert.Null(GfpNames.TryParse(text, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Every_name_formats_and_parses_back()
    {
        foreach (var (name, mask) in GfpNames.All)
        {
            Assert.Equal(mask, GfpNames.TryParse(name, out _));
            Assert.Equal(mask, GfpNames.TryParse(GfpNames.Format(mask), out _));
        }
    }

    [Fact]
    public void The_format_is_the_trace_renderers_and_reads_back()
    {
        var known = Enum.GetValues<GfpFlags>().Aggregate(0u, (a, f) => a | (uint)f);
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var mask = (GfpFlags)((uint)random.NextInt64(1, uint.MaxValue) & known);
            if (mask == GfpFlags.None)
            {
                continue;
            }

            var text = GfpFlagNames.Format(mask);
            Assert.Equal(text, GfpNames.Format(mask));
            Assert.Equal(mask, GfpNames.TryParse(text, out _));
        }
    }
}
