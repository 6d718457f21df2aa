using System.Globalization;
using System.Text;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;
using static MmVerify.ProcFs.KernelPrintf;

namespace MmVerify.ProcFs.Trace;

/// <summary>Model trace events as `trace-cmd report` lines.</summary>
public static class TraceRenderer
{
    /// <summary>Zone names by zone index on x86_64 (DMA, DMA32, Normal, Movable, Device).</summary>
    public static IReadOnlyList<string> X86_64ZoneNames { get; } = [.. ZoneKinds.X86_64Layout.Select(ZoneKinds.Name)];

    // mirrors print_event() of tracecmd/trace-read.c with libtraceevent's tep_print_event (trace-cmd 3.x):
    // "%16s-%-5d [%03d]", then " %5llu.%06llu:" (time rounded to the microsecond), then " %s: " with the
    // event name padded to 20 columns, then the tracepoint's TP_printk text.
    public static string Line(TraceEvent e, int cpu = 0, IReadOnlyList<string>? zoneNames = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentOutOfRangeException.ThrowIfNegative(cpu);
        var fields = TraceFields.Format(e, zoneNames ?? X86_64ZoneNames);

        // An unknown task shows as "<...>" in trace-cmd output; an empty comm would not parse back.
        var comm = e.Comm.Length == 0 ? "<...>" : e.Comm;
        var sb = new StringBuilder(96);
        sb.Append(Right(comm, 16)).Append('-').Append(Left(Decimal(e.Pid), 5));
        sb.Append(" [").Append(cpu.ToString("D3", CultureInfo.InvariantCulture)).Append("] ");
        sb.Append(Timestamp(e.TimeNs)).Append(": ").Append(e.Name).Append(": ");
        if (e.Name.Length < 20)
        {
            sb.Append(' ', 20 - e.Name.Length);
        }

        return sb.Append(fields).ToString();
    }

    /// <summary>Seconds.microseconds, rounded to the nearest microsecond as libtraceevent does.</summary>
    internal static string Timestamp(long timeNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timeNs);
        var us = (timeNs + 500) / 1000;
        return Right(us / 1_000_000, 5) + "." + (us % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}
