using MmVerify.Model.Gfp;
using MmVerify.ProcFs.Trace;

namespace MmVerify.ProcFs.Tests.Trace;

/// <summary>show_gfp_flags: composites first, then single bits in bit order, leftovers in hex.</summary>
public sealed class GfpFlagNamesTests
{
    [Theory]
    [InlineData(0x0u, "none")]
    [InlineData(0xcc0u, "GFP_KERNEL")]
    [InlineData(0x820u, "GFP_ATOMIC")]
    [InlineData(0x2800u, "GFP_NOWAIT")]
    [InlineData(0xc00u, "GFP_NOIO")]
    [InlineData(0xc40u, "GFP_NOFS")]
    [InlineData(0x100cc0u, "GFP_USER")]
    [InlineData(0x100cc2u, "GFP_HIGHUSER")]
    [InlineData(0x100ccau, "GFP_HIGHUSER_MOVABLE")]
    [InlineData(0x400cc0u, "GFP_KERNEL_ACCOUNT")]
    [InlineData(0x1c24cau, "GFP_TRANSHUGE")]
    [InlineData(0x1c20cau, "GFP_TRANSHUGE_LIGHT")]
    [InlineData(0x1u, "GFP_DMA")]
    [InlineData(0x2u, "__GFP_HIGHMEM")]
    [InlineData(0x4u, "GFP_DMA32")]
    [InlineData(0x400u, "__GFP_DIRECT_RECLAIM")]
    [InlineData(0x800u, "__GFP_KSWAPD_RECLAIM")]
    public void Single_names(uint gfp, string expected)
    {
        Assert.Equal(expected, GfpFlagNames.Format((GfpFlags)gfp));
    }

    [Fact]
    public void Net_frag_order3_gfp()
    {
        // skb_page_frag_refill's order-3 try: GFP_NOWAIT-based (NOWARN|KSWAPD_RECLAIM) plus IO, FS, COMP
        // and NORETRY = 0x528c0. GFP_NOWAIT consumes 0x2800; the rest print one by one in bit order
        // (NORETRY 0x10000 before COMP 0x40000).
        Assert.Equal("GFP_NOWAIT|__GFP_IO|__GFP_FS|__GFP_NORETRY|__GFP_COMP", GfpFlagNames.Format((GfpFlags)0x528c0));
    }

    [Theory]
    // The three strings below are copied from real kernel trace output (mm_page_alloc lines found in
    // public mails and trace dumps), checked against the same masks.
    [InlineData(0x342ccau, "GFP_HIGHUSER_MOVABLE|__GFP_NOWARN|__GFP_COMP|__GFP_THISNODE")]
    [InlineData(0x500dc0u, "GFP_USER|__GFP_ZERO|__GFP_ACCOUNT")]
    [InlineData(0x140ccau, "GFP_HIGHUSER_MOVABLE|__GFP_COMP")]
    [InlineData(0x400dc0u, "GFP_KERNEL_ACCOUNT|__GFP_ZERO")]
    [InlineData(0x3c24cau, "GFP_TRANSHUGE|__GFP_THISNODE")]
    [InlineData(0x2820u, "GFP_ATOMIC|__GFP_NOWARN")] // GFP_ATOMIC comes before GFP_NOWAIT in the table
    public void Composite_then_single_bits(uint gfp, string expected)
    {
        Assert.Equal(expected, GfpFlagNames.Format((GfpFlags)gfp));
    }

    [Fact]
    public void Single_bits_print_in_bit_order()
    {
        // 7.2 lists the single bits in bit order (TRACE_GFP_FLAGS); kernels before 6.15 printed COMP before ZERO.
        Assert.Equal("__GFP_ZERO|__GFP_COMP", GfpFlagNames.Format(GfpFlags.Zero | GfpFlags.Comp));
    }

    [Theory]
    [InlineData(0x200u, "0x200")]
    [InlineData(0x800cc0u, "GFP_KERNEL|0x800000")]
    [InlineData(0x3000020u, "__GFP_HIGH|0x3000000")]
    public void Bits_without_a_name_print_once_in_hex(uint gfp, string expected)
    {
        Assert.Equal(expected, GfpFlagNames.Format((GfpFlags)gfp));
    }

    [Fact]
    public void Every_model_bit_has_a_name()
    {
        foreach (var flag in Enum.GetValues<GfpFlags>().Where(f => f != GfpFlags.None))
        {
            Assert.DoesNotContain("0x", GfpFlagNames.Format(flag), StringComparison.Ordinal);
        }
    }
}
