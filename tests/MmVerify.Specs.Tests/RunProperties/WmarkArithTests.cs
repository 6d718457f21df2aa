using MmVerify.Engine.Properties;
using MmVerify.Specs.Watermarks;

namespace MmVerify.Specs.Tests.RunProperties;

public sealed class WmarkArithTests
{
    [Fact]
    public void Changing_min_free_kbytes_without_recomputing_the_watermarks_is_violated()
    {
        // Violated at 10 s: a variant writes min_free_kbytes but skips setup_per_zone_wmarks(), so _watermark[] is stale.
        var b = new RunRecordBuilder(minFreeKbytes: 4096);
        b.Machine.Sysctls.MinFreeKbytes = 8192;
        var run = b.Check(new WmarkArith(), 10).Build();

        var result = RunRecordBuilder.Judge("wmark.arith", run);

        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal(10.0, result.At);
    }

    [Fact]
    public void Recomputing_after_the_write_holds()
    {
        // Holds: setup_per_zone_wmarks() runs after the write, as the sysctl handler does.
        var b = new RunRecordBuilder(minFreeKbytes: 4096);
        b.Machine.Sysctls.MinFreeKbytes = 8192;
        b.Machine.SetupPerZoneWmarks();
        var run = b.Check(new WmarkArith(), 10).Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("wmark.arith", run).Verdict);
    }

    [Fact]
    public void Changing_watermark_scale_factor_without_recomputing_is_violated()
    {
        // Violated at 3 s: the gaps still follow the old watermark_scale_factor of 10 after it was set to 100.
        var b = new RunRecordBuilder();
        b.Machine.Sysctls.WatermarkScaleFactor = 100;
        var run = b.Check(new WmarkArith(), 3).Build();

        Assert.Equal(Verdict.Violated, RunRecordBuilder.Judge("wmark.arith", run).Verdict);
    }
}
