using System.Globalization;
using MmVerify.Model.Trace;

namespace MmVerify.ProcFs.Trace;

/// <summary>The TP_printk text of each model tracepoint (KERNEL.md 8.5, v7.2 formats).</summary>
internal static class TraceFields
{
    public static string Format(TraceEvent e, IReadOnlyList<string> zoneNames) => e switch
    {
        KswapdSleepEvent s => VmscanFields.KswapdSleep(s),
        KswapdWakeEvent w => VmscanFields.KswapdWake(w),
        WakeupKswapdEvent w => VmscanFields.WakeupKswapd(w),
        KswapdReclaimFailEvent f => VmscanFields.KswapdReclaimFail(f),
        KswapdClearHopelessEvent c => VmscanFields.KswapdClearHopeless(c),
        BalancePgdatBeginEvent b => VmscanFields.BalancePgdatBegin(b, zoneNames),
        BalancePgdatEndEvent b => VmscanFields.BalancePgdatEnd(b, zoneNames),
        DirectReclaimBeginEvent d => VmscanFields.DirectReclaimBegin(d),
        DirectReclaimEndEvent d => VmscanFields.DirectReclaimEnd(d),
        PageAllocExtfragEvent x => KmemFields.PageAllocExtfrag(x),
        PageAllocFailEvent f => KmemFields.PageAllocFail(f),
        CompactionBeginEvent c => CompactionFields.Begin(c),
        CompactionEndEvent c => CompactionFields.End(c),
        WakeupKcompactdEvent w => CompactionFields.WakeupKcompactd(w, zoneNames),
        KcompactdWakeEvent w => CompactionFields.KcompactdWake(w, zoneNames),
        OomKillEvent o => ModelFields.MarkVictim(o),
        AutotuneEvent a => ModelFields.Autotune(a),
        _ => throw new ArgumentException($"no trace format for {e.GetType().Name} ({e.Name})", nameof(e)),
    };

    /// <summary>
    /// A zone index as __print_symbolic(…, ZONE_TYPE) prints it, padded like %-8s; an index with no
    /// name prints as hex, as __print_symbolic does for a value missing from its table.
    /// </summary>
    public static string Zone(int zid, IReadOnlyList<string> zoneNames)
    {
        var name = zid >= 0 && zid < zoneNames.Count ? zoneNames[zid] : "0x" + Hex(zid);
        return KernelPrintf.Left(name, 8);
    }

    /// <summary>%lx: lower-case hex of the unsigned value.</summary>
    public static string Hex(long value) => ((ulong)value).ToString("x", CultureInfo.InvariantCulture);

    /// <summary>%d of a bool field (0 or 1).</summary>
    public static string Bit(bool value) => value ? "1" : "0";
}
