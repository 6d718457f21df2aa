using MmVerify.Model.Trace;
using static MmVerify.ProcFs.KernelPrintf;
using static MmVerify.ProcFs.Trace.TraceFields;

namespace MmVerify.ProcFs.Trace;

/// <summary>compaction tracepoints (include/trace/events/compaction.h).</summary>
internal static class CompactionFields
{
    // mirrors TP_printk of mm_compaction_begin, include/trace/events/compaction.h, v7.2
    public static string Begin(CompactionBeginEvent e) =>
        Range(e.ZoneStart, e.MigratePfn, e.FreePfn, e.ZoneEnd) + $", mode={Mode(e.Sync)}";

    // mirrors TP_printk of mm_compaction_end, include/trace/events/compaction.h, v7.2
    public static string End(CompactionEndEvent e) =>
        Range(e.ZoneStart, e.MigratePfn, e.FreePfn, e.ZoneEnd) + $", mode={Mode(e.Sync)} status={e.Status}";

    // mirrors TP_printk of mm_compaction_wakeup_kcompactd (kcompactd_wake_template), include/trace/events/compaction.h, v7.2
    public static string WakeupKcompactd(WakeupKcompactdEvent e, IReadOnlyList<string> zones) =>
        $"nid={Decimal(e.Nid)} order={Decimal(e.Order)} classzone_idx={Zone(e.HighestZoneidx, zones)}";

    // mirrors TP_printk of mm_compaction_kcompactd_wake (kcompactd_wake_template), include/trace/events/compaction.h, v7.2
    public static string KcompactdWake(KcompactdWakeEvent e, IReadOnlyList<string> zones) =>
        $"nid={Decimal(e.Nid)} order={Decimal(e.Order)} classzone_idx={Zone(e.HighestZoneidx, zones)}";

    private static string Range(long zoneStart, long migratePfn, long freePfn, long zoneEnd) =>
        $"zone_start=0x{Hex(zoneStart)} migrate_pfn=0x{Hex(migratePfn)} free_pfn=0x{Hex(freePfn)} zone_end=0x{Hex(zoneEnd)}";

    private static string Mode(bool sync) => sync ? "sync" : "async";
}
