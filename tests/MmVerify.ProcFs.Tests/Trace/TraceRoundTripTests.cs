using MmVerify.ProcFs.Trace;

namespace MmVerify.ProcFs.Tests.Trace;

/// <summary>Rendering an event and parsing the line back keeps what the line carries.</summary>
public sealed class TraceRoundTripTests
{
    // The fields each event's line should parse to, written out independently of the renderer.
    private static readonly string[] ExpectedFields =
    [
        "nid=0",
        "nid=0 order=3",
        "nid=1 order=3 gfp_flags=GFP_NOWAIT|__GFP_IO|__GFP_FS|__GFP_NORETRY|__GFP_COMP",
        "nid=1 failures=16",
        "nid=1 reason=DIRECT",
        "nid=0 order=0 highest_zoneidx=Normal",
        "nid=0 order=0 highest_zoneidx=DMA32 nr_reclaimed=42",
        "order=0 gfp_flags=GFP_KERNEL pid=500 memcg_id=0",
        "order=2 gfp_flags=GFP_KERNEL_ACCOUNT pid=500 memcg_id=7",
        "nr_reclaimed=32 pid=500 memcg_id=0",
        "nr_reclaimed=0 pid=500 memcg_id=7",
        "page=0xffffea0000048d00 pfn=0x1234 alloc_order=0 fallback_order=3 pageblock_order=9 alloc_migratetype=0 fallback_migratetype=1 fragmenting=1 change_ownership=0",
        "page=0000000000000000 pfn=0x0 order=3 migratetype=0 gfp_flags=GFP_NOWAIT|__GFP_IO|__GFP_FS|__GFP_NORETRY|__GFP_COMP",
        "zone_start=0x1000 migrate_pfn=0x1200 free_pfn=0x3fe00 zone_end=0x40000 mode=async",
        "zone_start=0x1000 migrate_pfn=0x3fe00 free_pfn=0x3fe00 zone_end=0x40000 mode=sync status=complete",
        "nid=0 order=2 classzone_idx=Normal",
        "nid=1 order=9 classzone_idx=Movable",
        "pid=4242",
        "action=raise min_free_kbytes=67584 nid=0 zid=2 boost=128",
    ];

    [Fact]
    public void Every_event_type_has_an_expectation()
    {
        Assert.Equal(TraceEvents.All.Length, ExpectedFields.Length);
    }

    [Theory]
    [MemberData(nameof(TraceEvents.Indexes), MemberType = typeof(TraceEvents))]
    public void Line_then_parse(int index)
    {
        var e = TraceEvents.All[index].Event;

        var parsed = Assert.Single(TraceParser.Parse(TraceRenderer.Line(e, cpu: 3), "roundtrip"));

        Assert.Equal((e.Name, e.Comm, e.Pid, 3, e.TimeNs), (parsed.Event, parsed.Comm, parsed.Pid, parsed.Cpu, parsed.TimeNs));
        Assert.Equal(TraceParserTests.Dict(ExpectedFields[index]), parsed.Fields);
    }

    [Fact]
    public void A_whole_rendered_trace_reads_back_in_order()
    {
        var text = "cpus=4\n" + string.Concat(TraceEvents.All.Select((x, i) => TraceRenderer.Line(x.Event, cpu: i % 4) + "\n"));

        var lines = TraceParser.Parse(text, "roundtrip");

        Assert.Equal(TraceEvents.All.Select(x => x.Event.Name), lines.Select(l => l.Event));
        Assert.Equal(Enumerable.Range(2, TraceEvents.All.Length), lines.Select(l => l.LineNumber));
    }

    [Fact]
    public void Time_keeps_microsecond_precision()
    {
        var e = new MmVerify.Model.Trace.KswapdSleepEvent(1_234_567_891, "kswapd0", 72, 0);

        Assert.Equal(1_234_568_000L, TraceParser.Parse(TraceRenderer.Line(e), "t")[0].TimeNs);
    }
}
