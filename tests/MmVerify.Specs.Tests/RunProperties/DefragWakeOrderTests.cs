using MmVerify.Engine.Properties;
using MmVerify.Model.Gfp;
using MmVerify.Model.Trace;

namespace MmVerify.Specs.Tests.RunProperties;

public sealed class DefragWakeOrderTests
{
    [Fact]
    public void Waking_kswapd_at_the_request_order_under_defrag_mode_is_violated()
    {
        // Violated at 3 s: defrag_mode is on and the allocator woke kswapd at order 3 < pageblock_order 9 (seed 004 before patch 4).
        var run = new RunRecordBuilder(sysctls: s => s.DefragMode = true)
            .Event(new WakeupKswapdEvent(3_000_000_000, "thp", 5, 0, 2, 3, Gfp.Kernel))
            .Build();

        var result = RunRecordBuilder.Judge("defrag.wake-order", run);

        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal(3.0, result.At);
    }

    [Fact]
    public void Wakeups_at_pageblock_order_under_defrag_mode_hold()
    {
        // Holds: the allocator's wakeup asks for order 9; the gfp-0 wakeup (not the allocator's) is not judged.
        var run = new RunRecordBuilder(sysctls: s => s.DefragMode = true)
            .Event(new WakeupKswapdEvent(1_000_000_000, "thp", 5, 0, 2, 9, Gfp.Kernel))
            .Event(new WakeupKswapdEvent(2_000_000_000, "kcompactd0", 6, 0, 2, 0, GfpFlags.None))
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("defrag.wake-order", run).Verdict);
    }

    [Fact]
    public void Without_defrag_mode_low_order_wakeups_hold()
    {
        // Holds: defrag_mode is off, so waking kswapd at the request's order is the normal behaviour.
        var run = new RunRecordBuilder()
            .Event(new WakeupKswapdEvent(1_000_000_000, "hog", 5, 0, 2, 0, Gfp.Kernel))
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("defrag.wake-order", run).Verdict);
    }
}
