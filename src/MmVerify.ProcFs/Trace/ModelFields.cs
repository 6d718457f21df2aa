using MmVerify.Model.Trace;
using static MmVerify.ProcFs.KernelPrintf;

namespace MmVerify.ProcFs.Trace;

/// <summary>The OOM victim tracepoint and the model's own autotune event.</summary>
internal static class ModelFields
{
    // mirrors TP_printk of mark_victim, include/trace/events/oom.h, in its original one-field form: the
    // victim's pid. Kernels since about v6.8 also print uid, comm, rss and oom_score_adj, which the model lacks.
    public static string MarkVictim(OomKillEvent e) => $"pid={Decimal(e.VictimPid)}";

    // no kernel counterpart: mmverify's own event for an auto-tuning variant (seed 002)
    public static string Autotune(AutotuneEvent e) =>
        $"action={e.Action} min_free_kbytes={Decimal(e.MinFreeKbytes)} nid={Decimal(e.Nid)} zid={Decimal(e.Zid)} boost={Decimal(e.Boost)}";
}
