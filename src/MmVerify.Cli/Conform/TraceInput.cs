using System.Text.RegularExpressions;
using MmVerify.ProcFs;
using MmVerify.ProcFs.Trace;
using MmVerify.Specs.Conformance;

namespace MmVerify.Cli.Conform;

/// <summary>
/// A trace file read for `mmverify conform`, streamed (traces of production machines run to gigabytes): Open
/// reads it once for the event names it holds, Points reads it again and parses each line. Policy: blank lines,
/// '#' comments and trace-cmd's preamble are headers and ignored; a line of an event the checker has no use for
/// (outside vmscan, compaction, kmem and oom, e.g. sched_switch) is skipped and counted; a "[LOST N EVENTS]"
/// marker is kept (the checker forgets every node's state there); any other line that is not an event line is
/// bad input.
/// </summary>
internal sealed partial class TraceInput
{
    // The kernel's trace file prints "CPU:%d [LOST %lu EVENTS]"; trace-cmd report prints "CPU:%d [%lld EVENTS DROPPED]".
    [GeneratedRegex(@"^\s*CPU:?\s*\d+\s*\[(?:LOST \d+ EVENTS|\d+ EVENTS DROPPED)\]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LostLine();

    // Just enough of TraceParser's event-line layout to name the event before its fields are split: the
    // fields of events outside the checker's subsystems (sched_switch's "==>") need not be key=value.
    [GeneratedRegex(@"^\s*.+?-\d+\s+(?:\(\s*-?\d*\)\s+)?\[\d+\]\s+(?:[^\s:]+\s+)?\d+(?:\.\d{1,9})?:\s+(?<event>[^\s:]+):", RegexOptions.CultureInvariant)]
    private static partial Regex EventName();

    private readonly string _path;

    private TraceInput(string path, IReadOnlySet<string> present, int skipped)
    {
        _path = path;
        Present = present;
        SkippedLines = skipped;
    }

    /// <summary>The names of the known events the trace holds.</summary>
    public IReadOnlySet<string> Present { get; }

    public int SkippedLines { get; }

    public static TraceInput Open(string path)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (EventName().Match(line) is { Success: true } m)
                {
                    var name = m.Groups["event"].Value;
                    if (IsKnown(name))
                    {
                        present.Add(name);
                    }
                    else
                    {
                        skipped++;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--trace: {e.Message}");
        }

        if (present.Count == 0)
        {
            throw new BadInputException(skipped == 0
                ? $"{path}: no trace events"
                : $"{path}: no vmscan, compaction, kmem or oom events ({skipped} other event lines)");
        }

        return new TraceInput(path, present, skipped);
    }

    /// <summary>The known events and lost markers, in file order; throws ProcFormatException at a malformed line.</summary>
    public IEnumerable<TracePoint> Points()
    {
        var number = 0;
        foreach (var raw in File.ReadLines(_path))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (LostLine().IsMatch(line))
            {
                yield return TracePoint.LostMarker(number, line);
                continue;
            }

            if (EventName().Match(line) is { Success: true } m && !IsKnown(m.Groups["event"].Value))
            {
                continue;
            }

            foreach (var e in Parse(line, number))
            {
                yield return new TracePoint(number, line, e.Comm, e.Pid, e.TimeNs, e.Event, e.Fields);
            }
        }
    }

    // TraceParser numbers the lines of the text it is given: one line here, so the file's number is put back.
    private IReadOnlyList<TraceLine> Parse(string line, int number)
    {
        try
        {
            return TraceParser.Parse(line, _path);
        }
        catch (ProcFormatException e)
        {
            throw new ProcFormatException(_path, number, e.Reason);
        }
    }

    private static bool IsKnown(string name) =>
        name.StartsWith("mm_vmscan_", StringComparison.Ordinal)
        || name.StartsWith("mm_compaction_", StringComparison.Ordinal)
        || name.StartsWith("mm_page_", StringComparison.Ordinal)
        || name is "mark_victim" or "mmverify_autotune" or "reclaim_retry_zone" or "compact_retry";
}
