using System.Globalization;
using System.Text.RegularExpressions;

namespace MmVerify.ProcFs.Trace;

/// <summary>Reads `trace-cmd report` text and the kernel's own trace file into event lines.</summary>
public static partial class TraceParser
{
    // mirrors the line layout of print_event() in tracecmd/trace-read.c ("%16s-%-5d [%03d] %5llu.%06llu: %s: ")
    // and of the kernel's trace file (print_trace_fmt, kernel/trace/trace.c), which may add a "(tgid)"
    // and an irq-flags column such as "d..1.". Only blanks are significant, so hand copies whose runs
    // of spaces were squeezed (as in the seed 001 mail) read the same. The comm may hold blanks and '-':
    // the pid is the last "-digits" before the CPU.
    [GeneratedRegex(
        @"^\s*(?<comm>.+?)-(?<pid>\d+)\s+(?:\(\s*-?\d*\)\s+)?\[(?<cpu>\d+)\]\s+(?:[^\s:]+\s+)?" +
        @"(?<sec>\d+)(?:\.(?<frac>\d{1,9}))?:\s+(?<event>[^\s:]+):(?<info>.*)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex EventLine();

    // trace-cmd report's preamble and per-CPU notes, which carry no events.
    [GeneratedRegex(
        @"^(?:cpus=\d+|version = \d+|CPU \d+ is empty|CPU\d+ data recorded at offset=0x[0-9a-fA-F]+|\d+ bytes in size)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    public static IReadOnlyList<TraceLine> Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var lines = new List<TraceLine>();
        foreach (var (number, raw) in ProcText.Lines(text))
        {
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#' || HeaderLine().IsMatch(trimmed))
            {
                continue;
            }

            lines.Add(ParseEvent(raw, sourceName, number));
        }

        return lines;
    }

    private static TraceLine ParseEvent(string line, string source, int number)
    {
        var m = EventLine().Match(line);
        if (!m.Success)
        {
            throw new ProcFormatException(source, number, $"not a trace event line (expected 'COMM-PID [CPU] SECS.USECS: EVENT: FIELDS'): '{line.Trim()}'");
        }

        var pid = Int(m.Groups["pid"].Value, "pid", source, number);
        var cpu = Int(m.Groups["cpu"].Value, "cpu", source, number);
        var timeNs = TimeNs(m.Groups["sec"].Value, m.Groups["frac"], source, number);
        var fields = TraceFieldSplitter.Split(m.Groups["info"].Value, out var error)
            ?? throw new ProcFormatException(source, number, error!);
        return new TraceLine(m.Groups["comm"].Value, pid, cpu, timeNs, m.Groups["event"].Value, fields, number);
    }

    private static int Int(string digits, string what, string source, int number) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ProcFormatException(source, number, $"{what} {digits} is out of range");

    // "S.ffffff" (trace-cmd's default, microseconds) or "S.fffffffff" (nanoseconds). A bare number is
    // libtraceevent's fallback for stamps of one second or less and counts microseconds.
    private static long TimeNs(string seconds, Group fraction, string source, int number)
    {
        try
        {
            var whole = long.Parse(seconds, NumberStyles.None, CultureInfo.InvariantCulture);
            if (!fraction.Success)
            {
                return checked(whole * 1000);
            }

            var ns = long.Parse(fraction.Value.PadRight(9, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
            return checked((whole * 1_000_000_000) + ns);
        }
        catch (OverflowException)
        {
            throw new ProcFormatException(source, number, $"timestamp {seconds} is out of range");
        }
    }
}
