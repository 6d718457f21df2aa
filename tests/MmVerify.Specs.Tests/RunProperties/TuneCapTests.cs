using MmVerify.Engine.Properties;

namespace MmVerify.Specs.Tests.RunProperties;

public sealed class TuneCapTests
{
    // 262144 pages = 1048576 kB, so 1% of RAM is 10485 kB; the run starts at 4096 kB.
    private const long OnePercent = 10485;

    [Fact]
    public void An_uncapped_raise_of_min_free_kbytes_is_violated()
    {
        // Violated at 2 s: an auto-tuner without the 1% guard raised min_free_kbytes to 20000 > max(4096, 10485).
        var run = new RunRecordBuilder()
            .Sample(1, minFreeKbytes: 4096)
            .Sample(2, minFreeKbytes: 20000)
            .Build();

        var result = RunRecordBuilder.Judge("tune.cap", run);

        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal(2.0, result.At);
    }

    [Fact]
    public void A_raise_up_to_one_percent_of_ram_holds()
    {
        // Holds: the tuner stopped exactly at the cap.
        var run = new RunRecordBuilder()
            .Sample(1, minFreeKbytes: 4096)
            .Sample(2, minFreeKbytes: OnePercent)
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("tune.cap", run).Verdict);
    }

    [Fact]
    public void A_start_above_one_percent_is_its_own_cap()
    {
        // Holds: the administrator started at 16384 kB (> 1%), and the run never went above that start.
        var run = new RunRecordBuilder(minFreeKbytes: 16384)
            .Sample(1, minFreeKbytes: 16384)
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("tune.cap", run).Verdict);
    }
}
