using System.Globalization;
using MmVerify.Model.Sim;
using MmVerify.ProcFs;
using MmVerify.ProcFs.Trace;

namespace MmVerify.Cli.Simulate;

/// <summary>
/// The text report: seed 000's per-second monitor line (buddyinfo order 0 and 3 of the largest zone,
/// free and available MB, kswapd busy, pgscan_kswapd), then the non-zero vmstat counters, then the trace.
/// Section headers start with '#', which trace readers skip.
/// </summary>
internal static class MonitorText
{
    private const long PagesPerMb = 256;

    public static void Write(SimulationRun run, TextWriter output)
    {
        output.WriteLine($"# {run.Scenario.Id} on {run.Variant}, seed {run.Seed}, {run.Seconds} s; ord0/ord3: {run.MonitorZone.Trim()}");
        foreach (var sample in run.Samples)
        {
            output.WriteLine(Line(sample, run.MonitorZone));
        }

        var last = run.Samples.Count > 0 ? run.Samples[^1] : null;
        if (last is not null)
        {
            output.WriteLine($"# at t={Seconds(last.T)}s: min_free_kbytes {last.MinFreeKbytes}, kswapd_failures {string.Join(' ', last.KswapdFailures)}");
        }

        output.WriteLine("# vmstat, non-zero counters");
        output.Write(VmstatRenderer.Render(run.Counters.Where(c => c.Value != 0)));

        if (run.Traced)
        {
            output.WriteLine($"# trace, {run.Trace.Count} events");
        }

        foreach (var e in run.Trace)
        {
            // The model is not per-CPU: every event is shown on CPU 0.
            output.WriteLine(TraceRenderer.Line(e, 0, run.TraceZoneNames));
        }
    }

    /// <summary>"t=  3s ord0=11622 ord3=0 Free=96MB Avail=1309MB kswapd=10.0% pgscan_kswapd=83107932".</summary>
    public static string Line(SimSample s, string zone)
    {
        var orders = s.Buddyinfo[zone];
        var line = $"t={Seconds(s.T),3}s ord0={orders[0]} ord3={(orders.Length > 3 ? Number(orders[3]) : "-")} "
            + $"Free={s.FreePages / PagesPerMb}MB Avail={s.AvailablePages / PagesPerMb}MB kswapd={Percent(s.KswapdBusy[0])}";
        for (var n = 1; n < s.KswapdBusy.Count; n++)
        {
            line += $" kswapd{n}={Percent(s.KswapdBusy[n])}";
        }

        return line + $" pgscan_kswapd={s.PgscanKswapd}";
    }

    private static string Seconds(double t) => Math.Round(t).ToString(CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
