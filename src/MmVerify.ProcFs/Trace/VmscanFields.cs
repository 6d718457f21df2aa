using MmVerify.Model.Trace;
using static MmVerify.ProcFs.KernelPrintf;

namespace MmVerify.ProcFs.Trace;

/// <summary>vmscan tracepoints (include/trace/events/vmscan.h).</summary>
internal static class VmscanFields
{
    // mirrors TP_printk of mm_vmscan_kswapd_sleep, include/trace/events/vmscan.h, v7.2
    public static string KswapdSleep(KswapdSleepEvent e) => $"nid={Decimal(e.Nid)}";

    // mirrors TP_printk of mm_vmscan_kswapd_wake, include/trace/events/vmscan.h, v7.2 (zid is recorded, not printed)
    public static string KswapdWake(KswapdWakeEvent e) => $"nid={Decimal(e.Nid)} order={Decimal(e.Order)}";

    // mirrors TP_printk of mm_vmscan_wakeup_kswapd, include/trace/events/vmscan.h, v7.2
    public static string WakeupKswapd(WakeupKswapdEvent e) =>
        $"nid={Decimal(e.Nid)} order={Decimal(e.Order)} gfp_flags={GfpFlagNames.Format(e.Gfp)}";

    // mirrors TP_printk of mm_vmscan_kswapd_reclaim_fail, include/trace/events/vmscan.h, v7.2
    public static string KswapdReclaimFail(KswapdReclaimFailEvent e) =>
        $"nid={Decimal(e.Nid)} failures={Decimal(e.Failures)}";

    // mirrors TP_printk of mm_vmscan_kswapd_clear_hopeless, include/trace/events/vmscan.h, v7.2
    public static string KswapdClearHopeless(KswapdClearHopelessEvent e) =>
        $"nid={Decimal(e.Nid)} reason={Reason(e.Reason)}";

    // mirrors TP_printk of mm_vmscan_balance_pgdat_begin, include/trace/events/vmscan.h, v7.2
    public static string BalancePgdatBegin(BalancePgdatBeginEvent e, IReadOnlyList<string> zones) =>
        $"nid={Decimal(e.Nid)} order={Decimal(e.Order)} highest_zoneidx={TraceFields.Zone(e.HighestZoneidx, zones)}";

    // mirrors TP_printk of mm_vmscan_balance_pgdat_end, include/trace/events/vmscan.h, v7.2
    public static string BalancePgdatEnd(BalancePgdatEndEvent e, IReadOnlyList<string> zones) =>
        $"nid={Decimal(e.Nid)} order={Decimal(e.Order)} highest_zoneidx={TraceFields.Zone(e.HighestZoneidx, zones)} nr_reclaimed={Decimal(e.NrReclaimed)}";

    // mirrors TP_printk of mm_vmscan_direct_reclaim_begin_template, include/trace/events/vmscan.h, v7.2.
    // The model never reclaims from interrupt context, so the trailing "(in-irq)" slot stays empty;
    // the global (non-memcg) variants print memcg_id 0.
    public static string DirectReclaimBegin(DirectReclaimBeginEvent e) =>
        $"order={Decimal(e.Order)} gfp_flags={GfpFlagNames.Format(e.Gfp)} pid={Decimal(e.Pid)} memcg_id={Decimal(e.Memcg ?? 0)} ";

    // mirrors TP_printk of mm_vmscan_direct_reclaim_end_template, include/trace/events/vmscan.h, v7.2
    public static string DirectReclaimEnd(DirectReclaimEndEvent e) =>
        $"nr_reclaimed={Decimal(e.NrReclaimed)} pid={Decimal(e.Pid)} memcg_id={Decimal(e.Memcg ?? 0)} ";

    private static string Reason(HopelessClearReason reason) => reason switch
    {
        HopelessClearReason.Kswapd => "KSWAPD",
        HopelessClearReason.Direct => "DIRECT",
        HopelessClearReason.Pcp => "PCP",
        HopelessClearReason.Other => "OTHER",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "unknown reason"),
    };
}
