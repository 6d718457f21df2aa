using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Trace;

// checks the model's tracepoint switch (as trace_<event>_enabled(), include/linux/tracepoint.h): with no
// tracer attached the sites are off; a buffer records every event in order
public class TraceSinkTests
{
    [Fact]
    public void The_null_sink_is_disabled_and_a_buffer_is_enabled()
    {
        Assert.False(NullTraceSink.Instance.Enabled);
        Assert.True(new TraceBuffer().Enabled);
    }

    [Fact]
    public void An_autotune_event_without_a_request_has_order_minus_1()
    {
        // Only the "trigger" step carries the failed request's order; the others have none (-1).
        var e = new AutotuneEvent(0, "kworker/0:1", 30, "min_free_kbytes_double", 800, -1, -1, 0);

        Assert.Equal(-1, e.Order);
    }
}
