using MmVerify.ProcFs.Trace;

namespace MmVerify.ProcFs.Tests.Trace;

/// <summary>trace-cmd / ftrace text into event lines.</summary>
public sealed class TraceParserTests
{
    // Verbatim from /work/shared/seeds/001_9b85e59db5965941.txt (trace-cmd report output quoted in
    // "[PATCH v3 2/2] mm/vmscan: add tracepoint and reason for kswapd_failures reset"; the mail archive
    // squeezed the column padding). The reset event was renamed mm_vmscan_kswapd_clear_hopeless in 7.2.
    private const string Seed001 =
        "cpus=4\n" +
        "kswapd1-73 [002] 24.863112: mm_vmscan_kswapd_reclaim_fail: nid=1 failures=1\n" +
        "kswapd1-73 [002] 24.863472: mm_vmscan_kswapd_reclaim_fail: nid=1 failures=2\n" +
        "kswapd1-73 [002] 24.867965: mm_vmscan_kswapd_reclaim_fail: nid=1 failures=16\n" +
        "kswapd0-72 [001] 25.020464: mm_vmscan_kswapd_reclaim_fail: nid=0 failures=1\n" +
        "kswapd0-72 [001] 25.029140: mm_vmscan_kswapd_reclaim_fail: nid=0 failures=16\n" +
        "ann-416 [002] 25.577925: mm_vmscan_reset_kswapd_failures: nid=0 reason=PCP\n" +
        "dd-417 [002] 35.111721: mm_vmscan_reset_kswapd_failures: nid=1 reason=DIRECT\n";

    [Fact]
    public void Seed_001_lines()
    {
        var lines = TraceParser.Parse(Seed001, "seed001");

        Assert.Equal(7, lines.Count);
        var first = lines[0];
        Assert.Equal(("kswapd1", 73, 2, 24_863_112_000L, "mm_vmscan_kswapd_reclaim_fail", 2), (first.Comm, first.Pid, first.Cpu, first.TimeNs, first.Event, first.LineNumber));
        Assert.Equal(Dict("nid=1 failures=1"), first.Fields);
        Assert.Equal("16", lines[2].Fields["failures"]);
        Assert.Equal(("ann", 416, "PCP"), (lines[5].Comm, lines[5].Pid, lines[5].Fields["reason"]));
        Assert.Equal(35_111_721_000L, lines[6].TimeNs);
        Assert.Equal(8, lines[6].LineNumber);
    }

    [Fact]
    public void Full_trace_cmd_padding()
    {
        var lines = TraceParser.Parse("         kswapd0-72    [000]    24.863112: mm_vmscan_balance_pgdat_begin: nid=0 order=0 highest_zoneidx=Normal  \n", "t");

        Assert.Equal(("kswapd0", 72, 0, "mm_vmscan_balance_pgdat_begin"), (lines[0].Comm, lines[0].Pid, lines[0].Cpu, lines[0].Event));
        Assert.Equal(Dict("nid=0 order=0 highest_zoneidx=Normal"), lines[0].Fields);
    }

    [Fact]
    public void Preamble_comments_blank_lines_and_crlf_are_skipped()
    {
        const string Text =
            "# tracer: nop\r\n" +
            "#\r\n" +
            "version = 7\r\n" +
            "CPU 3 is empty\r\n" +
            "cpus=4\r\n" +
            "\r\n" +
            "   \r\n" +
            "  kswapd0-72    [000]     1.000000: mm_vmscan_kswapd_sleep: nid=0\r\n";

        var line = Assert.Single(TraceParser.Parse(Text, "t"));
        Assert.Equal((8, "0"), (line.LineNumber, line.Fields["nid"]));
    }

    [Fact]
    public void Nothing_but_a_preamble_is_an_empty_trace()
    {
        Assert.Empty(TraceParser.Parse("cpus=2\n", "t"));
        Assert.Empty(TraceParser.Parse(string.Empty, "t"));
    }

    [Fact]
    public void Kernel_trace_file_with_tgid_and_irq_flags()
    {
        // Constructed in the layout of /sys/kernel/tracing/trace with the irq-info and tgid options on.
        var lines = TraceParser.Parse(
            "          <idle>-0       [001] d..2.  1234.567890: mm_vmscan_kswapd_wake: nid=0 order=3\n" +
            "         kswapd0-72      (     72) [001] .....  1234.600001: mm_vmscan_kswapd_sleep: nid=0\n",
            "trace");

        Assert.Equal(("<idle>", 0, 1, 1_234_567_890_000L), (lines[0].Comm, lines[0].Pid, lines[0].Cpu, lines[0].TimeNs));
        Assert.Equal(("kswapd0", 72, "mm_vmscan_kswapd_sleep"), (lines[1].Comm, lines[1].Pid, lines[1].Event));
    }

    [Theory]
    [InlineData("   Web Content-1234  [003]     5.000001: mm_vmscan_kswapd_sleep: nid=0", "Web Content", 1234)]
    [InlineData("gnome-shell-2001 [000] 5.000001: mm_vmscan_kswapd_sleep: nid=0", "gnome-shell", 2001)]
    [InlineData("kworker/u8:2-12-99 [000] 5.000001: mm_vmscan_kswapd_sleep: nid=0", "kworker/u8:2-12", 99)]
    public void Comms_with_blanks_and_dashes(string text, string comm, int pid)
    {
        var line = Assert.Single(TraceParser.Parse(text, "t"));
        Assert.Equal((comm, pid), (line.Comm, line.Pid));
    }

    [Theory]
    [InlineData("24.863112345", 24_863_112_345L)]
    [InlineData("24.8", 24_800_000_000L)]
    [InlineData("500000", 500_000_000L)]
    public void Nanosecond_and_bare_microsecond_stamps(string stamp, long ns)
    {
        var line = Assert.Single(TraceParser.Parse($"k-1 [000] {stamp}: e: a=1", "t"));
        Assert.Equal(ns, line.TimeNs);
    }

    [Fact]
    public void In_irq_marker_and_gfp_values_with_bars()
    {
        var line = Assert.Single(TraceParser.Parse(
            "swapper/3-0 [003] 9.000000: mm_vmscan_direct_reclaim_begin: order=0 gfp_flags=GFP_ATOMIC|__GFP_NOWARN pid=0 memcg_id=0 (in-irq)", "t"));

        Assert.Equal("GFP_ATOMIC|__GFP_NOWARN", line.Fields["gfp_flags"]);
        Assert.Equal(string.Empty, line.Fields["(in-irq)"]);
        Assert.Equal(5, line.Fields.Count);
    }

    [Fact]
    public void Empty_values_parenthesised_ranges_trailing_commas_and_repeated_names()
    {
        var line = Assert.Single(TraceParser.Parse(
            "k-1 [000] 1.000000: e: action= range=(0x1000 ~ 0x1200) zone_end=0x40000, mode=async zone name=Normal upper_zone name=DMA32", "t"));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["action"] = string.Empty,
                ["range"] = "(0x1000 ~ 0x1200)",
                ["zone_end"] = "0x40000",
                ["mode"] = "async",
                ["zone"] = string.Empty,
                ["name"] = "Normal",
                ["upper_zone"] = string.Empty,
                ["name#2"] = "DMA32",
            },
            line.Fields);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("kswapd0-72 24.863112: mm_vmscan_kswapd_sleep: nid=0")]
    [InlineData("kswapd0-xx [000] 24.863112: mm_vmscan_kswapd_sleep: nid=0")]
    [InlineData("kswapd0-72 [000] 24.863112 mm_vmscan_kswapd_sleep: nid=0")]
    [InlineData("kswapd0-72 [000] 24.863112: mm_vmscan_kswapd_sleep nid=0")]
    [InlineData("kswapd0-72 [000] 24.x: mm_vmscan_kswapd_sleep: nid=0")]
    [InlineData("kswapd0-72 [000] 24.863112: mm_compaction_isolate_migratepages: range=(0x1 ~ 0x2")]
    [InlineData("kswapd0-72 [000] 24.863112: mm_vmscan_kswapd_sleep: =0")]
    [InlineData("kswapd0-99999999999 [000] 24.863112: mm_vmscan_kswapd_sleep: nid=0")]
    [InlineData("kswapd0-72 [99999999999] 24.863112: mm_vmscan_kswapd_sleep: nid=0")]
    [InlineData("kswapd0-72 [000] 99999999999999999999.000000: mm_vmscan_kswapd_sleep: nid=0")]
    public void Malformed_lines_fail_with_their_number(string bad)
    {
        var text = $"cpus=1\nkswapd0-72 [000] 1.000000: mm_vmscan_kswapd_sleep: nid=0\n{bad}\n";

        var ex = Assert.Throws<ProcFormatException>(() => TraceParser.Parse(text, "test/trace"));
        Assert.Equal(("test/trace", 3), (ex.Source, ex.Line));
    }

    internal static Dictionary<string, string> Dict(string pairs) =>
        pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : string.Empty);
}
