namespace MmVerify.Cli.Tests;

/// <summary>Bad usage and bad input: exit 2, exactly one line on stderr, nothing on stdout, no stack trace.</summary>
public class BadInputTests
{
    private static readonly string Zoneinfo = TestFiles.RealZoneinfo;

    public static TheoryData<string[]> BadArguments => new()
    {
        new[] { "--watermark-scale-factor", "0" },
        new[] { "--watermark-scale-factor", "3001" },
        new[] { "--watermark-scale-factor", "abc" },
        new[] { "--watermark-scale-factor", "1.5" },
        new[] { "--min-free-kbytes", "-1" },
        new[] { "--min-free-kbytes", "2147483648" },
        new[] { "--min-free-kbytes", "99999999999999999999999" },
        new[] { "--min-free-kbytes", "64k" },
        new[] { "--lowmem-reserve-ratio", "256 256 32 0 0 0" },
        new[] { "--lowmem-reserve-ratio", "256 x" },
        new[] { "--lowmem-reserve-ratio", "2147483648" },
        new[] { "--lowmem-reserve-ratio", " " },
        new[] { "--lowmem-reserve-ratio" },
        new[] { "--format", "xml" },
        new[] { "--bogus" },
        new[] { "extra" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Bad_watermarks_arguments_exit_2_with_one_line(string[] extra)
    {
        AssertBadInput(CliRun.Run(["watermarks", "--zoneinfo", Zoneinfo, .. extra]));
    }

    [Theory]
    [InlineData("0", "vm.watermark_scale_factor (1..3000)")]
    [InlineData("3001", "vm.watermark_scale_factor (1..3000)")]
    [InlineData("abc", "'abc' is not an integer")]
    public void The_message_says_what_the_kernel_accepts(string value, string expected)
    {
        var r = CliRun.Run("watermarks", "--zoneinfo", Zoneinfo, "--watermark-scale-factor", value);

        Assert.Contains(expected, r.Err);
    }

    [Fact]
    public void Too_many_ratio_values_name_the_zone_count()
    {
        var r = CliRun.Run("watermarks", "--zoneinfo", Zoneinfo, "--lowmem-reserve-ratio", "1 2 3 4 5 6");

        AssertBadInput(r);
        Assert.Contains("6 values, but the file has 5 zones per node", r.Err);
    }

    [Theory]
    [InlineData()]
    [InlineData("frob")]
    [InlineData("watermarks")]
    [InlineData("check", "--engine", "z4")]
    [InlineData("check", "--seed", "x")]
    [InlineData("check", "--format", "pdf")]
    [InlineData("caught-by", "--bug", "bug-nonexistent")]
    [InlineData("caught-by", "--engine", "z4")]
    [InlineData("caught-by", "--budget", "deep")]
    [InlineData("caught-by", "--seed", "x")]
    public void Bad_usage_exits_2_with_one_line(params string[] args)
    {
        AssertBadInput(CliRun.Run(args));
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"mmverify-missing-{Guid.NewGuid():N}");
        var r = CliRun.Run("watermarks", "--zoneinfo", missing);

        AssertBadInput(r);
        Assert.Contains(missing, r.Err);
    }

    [Fact]
    public void A_directory_instead_of_a_file_exits_2()
    {
        AssertBadInput(CliRun.Run("watermarks", "--zoneinfo", Path.GetTempPath()));
    }

    [Fact]
    public void A_malformed_file_exits_2_naming_the_line()
    {
        var lines = File.ReadAllLines(Zoneinfo);
        var bad = Array.FindIndex(lines, l => l.Trim().StartsWith("min ", StringComparison.Ordinal));
        lines[bad] = "        min      7x1";
        using var file = TestFiles.Write(string.Join('\n', lines) + "\n");

        var r = CliRun.Run("watermarks", "--zoneinfo", file.Path);

        AssertBadInput(r);
        Assert.Contains($"{file.Path}:{bad + 1}:", r.Err);
    }

    [Fact]
    public void An_empty_file_exits_2()
    {
        using var file = TestFiles.Write("");
        AssertBadInput(CliRun.Run("watermarks", "--zoneinfo", file.Path));
    }

    [Fact]
    public void A_file_without_lowmem_pages_exits_2_instead_of_dividing_by_zero()
    {
        using var file = TestFiles.Write(SyntheticZoneinfo.Render(
            new FakeZone("DMA", 0, 0, 0, 0, 0, [0, 0]),
            new FakeZone("Movable", 1000, 32, 32, 32, 32, [0, 0])));

        AssertBadInput(CliRun.Run("watermarks", "--zoneinfo", file.Path));
    }

    [Fact]
    public void Help_still_works()
    {
        var root = CliRun.Run("--help");
        var sub = CliRun.Run("watermarks", "--help");

        Assert.Equal(ExitCodes.Ok, root.Exit);
        Assert.Contains("watermarks", root.Out);
        Assert.Equal(ExitCodes.Ok, sub.Exit);
        Assert.Contains("--lowmem-reserve-ratio", sub.Out);
        Assert.Equal("", sub.Err);
    }

    [Fact]
    public void Bad_input_exceptions_are_classified_and_messages_flattened()
    {
        Assert.True(Program.IsBadInput(new FileNotFoundException("x")));
        Assert.True(Program.IsBadInput(new MmVerify.ProcFs.ProcFormatException("f", 3, "bad")));
        Assert.True(Program.IsBadInput(new OverflowException()));
        Assert.False(Program.IsBadInput(new InvalidOperationException()));
        Assert.Equal("a b", Program.OneLine("a\r\n  b\n"));
    }

    private static void AssertBadInput(CliResult r)
    {
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Equal("", r.Out);
        var line = Assert.Single(r.ErrLines);
        Assert.StartsWith("mmverify: ", line);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.DoesNotContain("Exception", r.Err);
    }
}
