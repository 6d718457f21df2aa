using MmVerify.Model.Trace;
using MmVerify.ProcFs.Trace;

namespace MmVerify.ProcFs.Tests.Trace;

/// <summary>trace-cmd report lines: the task/CPU/time prefix and each tracepoint's text.</summary>
public sealed class TraceRendererTests
{
    [Fact]
    public void Prefix_layout_is_trace_cmds()
    {
        var line = TraceRenderer.Line(new KswapdReclaimFailEvent(24_863_112_000, "kswapd1", 73, 1, 1), cpu: 2);

        // "%16s-%-5d [%03d] %5llu.%06llu: %s: " (the name is 29 characters, so no padding after it)
        Assert.Equal("         kswapd1-73    [002]    24.863112: mm_vmscan_kswapd_reclaim_fail: nid=1 failures=1", line);
    }

    [Fact]
    public void Squeezed_it_is_the_seed_001_line()
    {
        // /work/shared/seeds/001_9b85e59db5965941.txt, first trace line (the mail squeezed runs of blanks).
        const string Seed = "kswapd1-73 [002] 24.863112: mm_vmscan_kswapd_reclaim_fail: nid=1 failures=1";
        var line = TraceRenderer.Line(new KswapdReclaimFailEvent(24_863_112_000, "kswapd1", 73, 1, 1), cpu: 2);

        Assert.Equal(Seed, string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Short_event_names_are_padded_to_20_columns()
    {
        // ": " then 20 - 11 spaces; a real report shows "mm_page_alloc:        page=" (1 + 7 blanks) the same way.
        var victim = TraceRenderer.Line(new OomKillEvent(5_000_000_000, "dd", 500, 4242, "java", 10));
        var fail = TraceRenderer.Line(TraceEvents.All[12].Event);

        Assert.EndsWith("[000]     5.000000: mark_victim:          pid=4242", victim, StringComparison.Ordinal);
        Assert.Contains(": mm_page_alloc:        page=0000000000000000 ", fail, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_comms_and_pids_are_not_cut()
    {
        var line = TraceRenderer.Line(new KswapdSleepEvent(1_000_000, "a_very_long_comm_name", 1234567, 0), cpu: 1234);

        Assert.StartsWith("a_very_long_comm_name-1234567 [1234]     0.001000: ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, "    0.000000")]
    [InlineData(499L, "    0.000000")]
    [InlineData(500L, "    0.000001")]
    [InlineData(1_000_000_499L, "    1.000000")]
    [InlineData(1_999_999_500L, "    2.000000")]
    [InlineData(123_456_789_012_345L, "123456.789012")]
    public void Time_is_rounded_to_the_microsecond(long ns, string expected)
    {
        var line = TraceRenderer.Line(new KswapdSleepEvent(ns, "kswapd0", 72, 0));

        var start = line.IndexOf("[000] ", StringComparison.Ordinal) + 6;
        Assert.Equal(expected, line[start..line.IndexOf(':', start)]);
    }

    [Theory]
    [MemberData(nameof(TraceEvents.Indexes), MemberType = typeof(TraceEvents))]
    public void Fields_follow_the_72_formats(int index)
    {
        var (e, fields) = TraceEvents.All[index];
        var line = TraceRenderer.Line(e);
        var nameEnd = line.IndexOf(e.Name + ": ", StringComparison.Ordinal) + e.Name.Length + 2;
        var padding = Math.Max(0, 20 - e.Name.Length);

        Assert.Equal(new string(' ', padding) + fields, line[nameEnd..]);
    }

    [Fact]
    public void Memcg_reclaim_uses_the_memcg_event_names()
    {
        Assert.Contains(": mm_vmscan_memcg_reclaim_begin: order=2 ", TraceRenderer.Line(TraceEvents.All[8].Event), StringComparison.Ordinal);
        Assert.Contains(": mm_vmscan_direct_reclaim_begin: order=0 ", TraceRenderer.Line(TraceEvents.All[7].Event), StringComparison.Ordinal);
    }

    [Fact]
    public void Zone_names_can_be_supplied_and_unknown_indexes_print_in_hex()
    {
        var begin = new BalancePgdatBeginEvent(0, "kswapd0", 72, 0, 0, 1);
        var far = new BalancePgdatBeginEvent(0, "kswapd0", 72, 0, 0, 7);

        Assert.EndsWith("highest_zoneidx=HighMem ", TraceRenderer.Line(begin, zoneNames: ["DMA", "HighMem"]), StringComparison.Ordinal);
        Assert.EndsWith("highest_zoneidx=0x7     ", TraceRenderer.Line(far), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_comm_prints_as_unknown_task()
    {
        Assert.StartsWith("           <...>-0     [000]", TraceRenderer.Line(new KswapdSleepEvent(0, "", 0, 0)), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_event_types_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TraceRenderer.Line(new UnknownEvent(0, "x", 1)));
    }

    [Fact]
    public void Negative_time_and_cpu_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TraceRenderer.Line(new KswapdSleepEvent(-1, "k", 1, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TraceRenderer.Line(new KswapdSleepEvent(0, "k", 1, 0), cpu: -1));
    }

    private sealed record UnknownEvent(long TimeNs, string Comm, int Pid) : TraceEvent(TimeNs, Comm, Pid)
    {
        public override string Name => "mm_unknown";
    }
}
