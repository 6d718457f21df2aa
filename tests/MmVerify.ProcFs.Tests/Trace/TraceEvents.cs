using MmVerify.Model.Gfp;
using MmVerify.Model.Trace;

namespace MmVerify.ProcFs.Tests.Trace;

/// <summary>One event of each model type, with the TP_printk text 7.2 would print for it.</summary>
internal static class TraceEvents
{
    public const long T = 24_863_112_000; // 24.863112 s

    public static readonly (TraceEvent Event, string Fields)[] All =
    [
        (new KswapdSleepEvent(T, "kswapd0", 72, 0), "nid=0"),
        (new KswapdWakeEvent(T, "kswapd0", 72, 0, 2, 3), "nid=0 order=3"),
        (new WakeupKswapdEvent(T, "nginx", 900, 1, 2, 3, (GfpFlags)0x528c0),
            "nid=1 order=3 gfp_flags=GFP_NOWAIT|__GFP_IO|__GFP_FS|__GFP_NORETRY|__GFP_COMP"),
        (new KswapdReclaimFailEvent(T, "kswapd1", 73, 1, 16), "nid=1 failures=16"),
        (new KswapdClearHopelessEvent(T, "dd", 417, 1, HopelessClearReason.Direct, 16, true), "nid=1 reason=DIRECT"),
        (new BalancePgdatBeginEvent(T, "kswapd0", 72, 0, 0, 2), "nid=0 order=0 highest_zoneidx=Normal  "),
        (new BalancePgdatEndEvent(T, "kswapd0", 72, 0, 0, 1, 42, false), "nid=0 order=0 highest_zoneidx=DMA32    nr_reclaimed=42"),
        (new DirectReclaimBeginEvent(T, "dd", 500, 0, Gfp.Kernel, null), "order=0 gfp_flags=GFP_KERNEL pid=500 memcg_id=0 "),
        (new DirectReclaimBeginEvent(T, "dd", 500, 2, Gfp.Kernel | GfpFlags.Account, 7),
            "order=2 gfp_flags=GFP_KERNEL_ACCOUNT pid=500 memcg_id=7 "),
        (new DirectReclaimEndEvent(T, "dd", 500, 32, null), "nr_reclaimed=32 pid=500 memcg_id=0 "),
        (new DirectReclaimEndEvent(T, "dd", 500, 0, 7), "nr_reclaimed=0 pid=500 memcg_id=7 "),
        (new PageAllocExtfragEvent(T, "ann", 416, 0x1234, 0, 3, 9, 0, 1, true, false),
            "page=0xffffea0000048d00 pfn=0x1234 alloc_order=0 fallback_order=3 pageblock_order=9 alloc_migratetype=0 "
            + "fallback_migratetype=1 fragmenting=1 change_ownership=0"),
        (new PageAllocFailEvent(T, "swapper/100", 0, 3, (GfpFlags)0x528c0, 0),
            "page=0000000000000000 pfn=0x0 order=3 migratetype=0 gfp_flags=GFP_NOWAIT|__GFP_IO|__GFP_FS|__GFP_NORETRY|__GFP_COMP"),
        (new CompactionBeginEvent(T, "kcompactd0", 74, 0x1000, 0x1200, 0x3fe00, 0x40000, false),
            "zone_start=0x1000 migrate_pfn=0x1200 free_pfn=0x3fe00 zone_end=0x40000, mode=async"),
        (new CompactionEndEvent(T, "dd", 500, 0x1000, 0x3fe00, 0x3fe00, 0x40000, true, "complete"),
            "zone_start=0x1000 migrate_pfn=0x3fe00 free_pfn=0x3fe00 zone_end=0x40000, mode=sync status=complete"),
        (new WakeupKcompactdEvent(T, "kswapd0", 72, 0, 2, 2), "nid=0 order=2 classzone_idx=Normal  "),
        (new KcompactdWakeEvent(T, "kcompactd1", 75, 1, 9, 3), "nid=1 order=9 classzone_idx=Movable "),
        (new OomKillEvent(T, "dd", 500, 4242, "java", 1 << 20), "pid=4242"),
        (new AutotuneEvent(T, "kswapd0", 72, "raise", 67584, 0, 2, 128), "action=raise min_free_kbytes=67584 nid=0 zid=2 boost=128"),
    ];

    public static IEnumerable<object[]> Indexes() => Enumerable.Range(0, All.Length).Select(i => new object[] { i });
}
