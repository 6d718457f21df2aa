using MmVerify.Engine.Properties;
using MmVerify.Model.Gfp;
using MmVerify.Model.Trace;

namespace MmVerify.Specs.Tests.RunProperties;

public sealed class AllocFallbackTests
{
    private const GfpFlags Opportunistic = Gfp.Atomic | GfpFlags.Comp | GfpFlags.NoRetry;

    [Fact]
    public void An_admitted_order0_fallback_that_fails_is_violated()
    {
        // Violated at 2 s: the order-3 attempt failed (allowed), then its order-0 fallback failed although the watermark check passed.
        var run = new RunRecordBuilder()
            .Event(new PageAllocFailEvent(2_000_000_000, "tx", 42, 3, Opportunistic, 0))
            .Event(new PageAllocFailEvent(2_000_000_000, "tx", 42, 0, Gfp.Atomic, 0, Admitted: true))
            .Build();

        var result = RunRecordBuilder.Judge("alloc.fallback", run);

        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal(2.0, result.At);
    }

    [Fact]
    public void Failed_opportunistic_attempts_and_unadmitted_fallbacks_hold()
    {
        // Holds: the admitted failure is the opportunistic order 3 (NORETRY) and the order-0 fallback failed below the watermark.
        var run = new RunRecordBuilder()
            .Event(new PageAllocFailEvent(1_000_000_000, "rx", 7, 3, Opportunistic, 0, Admitted: true))
            .Event(new PageAllocFailEvent(1_000_000_000, "rx", 7, 0, Gfp.Atomic, 0, Admitted: false))
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("alloc.fallback", run).Verdict);
    }

    [Fact]
    public void Admitted_order0_failures_without_a_failed_order3_attempt_are_not_fallbacks()
    {
        // Holds: no opportunistic order-3 attempt failed before it, so a hog's admitted order-0 failure is another property's.
        var run = new RunRecordBuilder()
            .Event(new PageAllocFailEvent(1_000_000_000, "hog", 9, 0, Gfp.Kernel, 0, Admitted: true))
            .Build();

        Assert.Equal(Verdict.Holds, RunRecordBuilder.Judge("alloc.fallback", run).Verdict);
    }

    [Fact]
    public void The_fallback_is_recognised_by_the_trace_whatever_the_task_is_called()
    {
        // Violated at 3 s: "nic" is not a special name; its order-3 NORETRY failure followed by an admitted order-0 failure is a failed fallback.
        var run = new RunRecordBuilder()
            .Event(new PageAllocFailEvent(3_000_000_000, "nic", 5, 3, Opportunistic, 0))
            .Event(new PageAllocFailEvent(3_000_000_000, "nic", 5, 0, Gfp.Atomic, 0, Admitted: true))
            .Build();

        var result = RunRecordBuilder.Judge("alloc.fallback", run);

        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal(3.0, result.At);
    }
}
