using MmVerify.Engine.Properties;

namespace MmVerify.Specs.Tests.RunProperties;

public sealed class KswapdFreeUsedTests
{
    [Fact]
    public void Free_memory_far_above_high_while_kswapd_reclaims_is_violated()
    {
        // Violated at 2 s: kswapd reclaimed 500 pages in that second and left 3000 free against a high of 1000.
        var run = new RunRecordBuilder()
            .Sample(1, free: 1200, high: 1000, pgstealKswapd: 100)
            .Sample(2, free: 3000, high: 1000, pgstealKswapd: 600)
            .Build();

        var result = RunRecordBuilder.Judge("kswapd.free-used", run);

        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal(2.0, result.At);
    }

    [Fact]
    public void Free_memory_nobody_asked_for_is_not_kswapds_overshoot()
    {
        // Holds: 3000 free pages, but kswapd reclaimed nothing in that second (an idle machine after boot).
        var run = new RunRecordBuilder()
            .Sample(1, free: 3000, high: 1000, pgstealKswapd: 100)
            .Sample(2, free: 3000, high: 1000, pgstealKswapd: 100)
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("kswapd.free-used", run).Verdict);
    }

    [Fact]
    public void Free_memory_within_the_factor_holds()
    {
        // Holds: kswapd reclaimed, and free stayed under 2 x high.
        var run = new RunRecordBuilder()
            .Sample(1, free: 1000, high: 1000, pgstealKswapd: 0)
            .Sample(2, free: 1900, high: 1000, pgstealKswapd: 500)
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("kswapd.free-used", run).Verdict);
    }
}
