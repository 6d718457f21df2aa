using MmVerify.Model.Sim;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Metrics;

/// <summary>
/// The metrics of one run, from its vmstat counters, trace and per-second samples. Metrics a scenario does
/// not exercise (no THP faults, no network refills) are left out rather than reported as 0 of 0.
/// </summary>
public static class RunMetrics
{
    public static IReadOnlyList<Metric> Of(RunRecord run)
    {
        var vm = run.World.Vm;
        var list = new List<Metric>();
        void Count(string id, string label, double value) => list.Add(new Metric(id, label, MetricKind.Count, value));
        void Rate(string id, string label, double value) => list.Add(new Metric(id, label, MetricKind.Rate, value));

        var nodes = run.World.Reclaim.Length;
        for (var n = 0; n < nodes; n++)
        {
            var busy = run.Samples.Count == 0 ? 0 : run.Samples.Average(s => s.KswapdBusy[n]);
            Rate($"kswapd{n}-busy", $"kswapd{n} busy fraction (mean of seconds)", busy);
        }

        Count("kswapd-wake", "kswapd wakeups (mm_vmscan_kswapd_wake)", run.Of<KswapdWakeEvent>().Count());
        Count("wakeup-kswapd", "wakeup_kswapd calls (mm_vmscan_wakeup_kswapd)", run.Of<WakeupKswapdEvent>().Count());
        Count("pgscan-kswapd", "pgscan_kswapd", vm[VmEvent.PgscanKswapd]);
        Count("pgsteal-kswapd", "pgsteal_kswapd", vm[VmEvent.PgstealKswapd]);
        Count("pgscan-direct", "pgscan_direct", vm[VmEvent.PgscanDirect]);
        Count("pgsteal-direct", "pgsteal_direct", vm[VmEvent.PgstealDirect]);
        Count("allocstall", "allocstall (direct reclaim entries)",
            vm[VmEvent.AllocstallDma] + vm[VmEvent.AllocstallDma32] + vm[VmEvent.AllocstallNormal] + vm[VmEvent.AllocstallMovable]);

        // Stalls and failures by order, from the trace (the kernel's counters do not split by order).
        foreach (var (order, n) in run.Of<DirectReclaimBeginEvent>().Where(e => e.Memcg is null).CountBy(e => e.Order).OrderBy(c => c.Key))
        {
            Count($"stall-order{order}", $"direct reclaim stalls, order {order}", n);
        }

        var memcgReclaim = run.Of<DirectReclaimBeginEvent>().Count(e => e.Memcg is not null);
        if (memcgReclaim > 0)
        {
            Count("memcg-reclaim", "memory.high reclaim entries", memcgReclaim);
        }

        foreach (var (order, n) in run.Of<PageAllocFailEvent>().CountBy(e => e.Order).OrderBy(c => c.Key))
        {
            Count($"fail-order{order}", $"allocation failures, order {order}", n);
        }

        var order3 = vm[VmEvent.NetFragOrder3];
        var order0 = vm[VmEvent.NetFragOrder0];
        if (order3 + order0 > 0)
        {
            Rate("net-frag-order3-success", "high-order success: frag refills served at order 3", order3 / (double)(order3 + order0));
        }

        var thp = vm[VmEvent.ThpFaultAlloc];
        var thpFallback = vm[VmEvent.ThpFaultFallback];
        if (thp + thpFallback > 0)
        {
            Rate("thp-success", "high-order success: THP faults served at order 9", thp / (double)(thp + thpFallback));
            Count("thp-fault-fallback", "thp_fault_fallback", thpFallback);
        }

        Count("compact-stall", "compact_stall", vm[VmEvent.CompactStall]);
        Count("compact-success", "compact_success", vm[VmEvent.CompactSuccess]);
        Count("compact-daemon-wake", "compact_daemon_wake", vm[VmEvent.CompactDaemonWake]);
        Count("compact-migrate-scanned", "compact_migrate_scanned (direct and kcompactd)", vm[VmEvent.CompactMigrateScanned] + vm[VmEvent.CompactDaemonMigrateScanned]);
        Count("compact-free-scanned", "compact_free_scanned (direct and kcompactd)", vm[VmEvent.CompactFreeScanned] + vm[VmEvent.CompactDaemonFreeScanned]);
        Count("pgmigrate-success", "pgmigrate_success", vm[VmEvent.PgmigrateSuccess]);

        Count("kswapd-reclaim-fail", "kswapd reclaim failures (mm_vmscan_kswapd_reclaim_fail)", run.Of<KswapdReclaimFailEvent>().Count());
        Count("kswapd-failures-reset", "kswapd_failures resets", run.Of<KswapdClearHopelessEvent>().Count());
        Count("kswapd-failures-max", "kswapd_failures, highest sampled", run.Samples.Count == 0 ? 0 : run.Samples.Max(s => s.KswapdFailures.Max()));
        Count("boost-raise", "watermark_boost raises", run.BoostRaises.Count);
        Count("boost-mean", "watermark_boost pages, all zones (mean of seconds)", Mean(run.Samples, s => s.WatermarkBoost.Values.Sum()));
        Count("boost-max", "watermark_boost pages, all zones (max of seconds)", Max(run.Samples, s => s.WatermarkBoost.Values.Sum()));
        Count("min-free-kbytes-mean", "min_free_kbytes (mean of seconds)", Mean(run.Samples, s => s.MinFreeKbytes));
        Count("min-free-kbytes-max", "min_free_kbytes (max of seconds)", Max(run.Samples, s => s.MinFreeKbytes));
        Count("free-pages-mean", "free pages (mean of seconds)", Mean(run.Samples, s => s.FreePages));
        Count("oom-kill", "oom_kill", vm[VmEvent.OomKill]);
        Count("alloc-livelock", "slow paths stopped as livelocked", vm[VmEvent.AllocLivelock]);
        return list;
    }

    private static double Mean(IReadOnlyList<SimSample> samples, Func<SimSample, long> value) => samples.Count == 0 ? 0 : samples.Average(s => (double)value(s));

    private static double Max(IReadOnlyList<SimSample> samples, Func<SimSample, long> value) => samples.Count == 0 ? 0 : samples.Max(value);
}
