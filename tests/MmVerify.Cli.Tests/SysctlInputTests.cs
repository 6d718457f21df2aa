using MmVerify.Cli.Watermarks;

namespace MmVerify.Cli.Tests;

/// <summary>The sysctl handlers' acceptance rules, directly.</summary>
public class SysctlInputTests
{
    [Fact]
    public void Ratio_values_below_1_become_0()
    {
        Assert.Equal([0L, 0, 1, 256], SysctlInput.LowmemReserveRatio(["-5 0", "1\t256"])!);
    }

    [Fact]
    public void Absent_options_stay_null()
    {
        Assert.Null(SysctlInput.MinFreeKbytes(null));
        Assert.Null(SysctlInput.WatermarkScaleFactor(null));
        Assert.Null(SysctlInput.LowmemReserveRatio(null));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("2147483647", 2147483647L)]
    public void Min_free_kbytes_accepts_the_int_range_from_0(string text, long expected)
    {
        Assert.Equal(expected, SysctlInput.MinFreeKbytes(text));
    }

    [Theory]
    [InlineData("1", 1L)]
    [InlineData("3000", 3000L)]
    public void Watermark_scale_factor_accepts_1_to_3000(string text, long expected)
    {
        Assert.Equal(expected, SysctlInput.WatermarkScaleFactor(text));
    }

    [Theory]
    [InlineData("0x10", 16L)]
    [InlineData("010", 8L)]
    [InlineData("0", 0L)]
    [InlineData("-0x1", -1L)]
    public void Numbers_are_read_with_base_0_as_proc_get_long_does(string text, long expected)
    {
        Assert.Equal(expected, ProcInteger.Parse(text, "--x"));
    }

    [Theory]
    [InlineData("+5")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData(" 5")]
    [InlineData("08")]
    [InlineData("0x")]
    [InlineData("0xg")]
    [InlineData("5k")]
    public void Text_proc_get_long_refuses_is_refused(string text)
    {
        Assert.Throws<BadInputException>(() => SysctlInput.MinFreeKbytes(text));
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("0xffffffffffffffffffffffffffffffffffff")]
    [InlineData("1234567890123456789012345678901234567890")]
    public void Huge_numbers_are_out_of_range(string text)
    {
        var e = Assert.Throws<BadInputException>(() => SysctlInput.WatermarkScaleFactor(text));
        Assert.Contains("out of range", e.Message);
    }
}
