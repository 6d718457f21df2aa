using System.Text.RegularExpressions;
using MmVerify.ProcFs.Trace;
using MmVerify.Specs.Conformance;

namespace MmVerify.Cli.Conform;

/// <summary>
/// A trace file read for `mmverify conform`. Policy: blank lines, '#' comments and trace-cmd's preamble
/// are headers and ignored; a line of an event the checker has no use for (an event outside vmscan,
/// compaction, kmem and oom, e.g. sched_switch) is skipped and counted; a "[LOST N EVENTS]" marker is kept
/// (the checker forgets every node's state there); any other line that is not an event line is bad input.
/// </summary>
internal sealed partial record TraceInput(IReadOnlyList<TracePoint> Points, int SkippedLines)
{
    // The kernel's trace file prints "CPU:%d [LOST %lu EVENTS]"; trace-cmd report prints "CPU:%d [%lld EVENTS DROPPED]".
    [GeneratedRegex(@"^\s*CPU:?\s*\d+\s*\[(?:LOST \d+ EVENTS|\d+ EVENTS DROPPED)\]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LostLine();

    // Just enough of TraceParser's event-line layout to name the event before its fields are split: the
    // fields of events outside the checker's subsystems (sched_switch's "==>") need not be key=value.
    [GeneratedRegex(@"^\s*.+?-\d+\s+(?:\(\s*-?\d*\)\s+)?\[\d+\]\s+(?:[^\s:]+\s+)?\d+(?:\.\d{1,9})?:\s+(?<event>[^\s:]+):", RegexOptions.CultureInvariant)]
    private static partial Regex EventName();

    public static TraceInput Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--trace: {e.Message}");
        }

        var lines = text.Split('\n');
        var original = (string[])lines.Clone();
        var lost = new List<TracePoint>();
        var skipped = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            // Blanking a line keeps the numbering for the parser, which would refuse these lines.
            if (LostLine().IsMatch(lines[i]))
            {
                lost.Add(TracePoint.LostMarker(i + 1, lines[i].TrimEnd('\r')));
                lines[i] = "";
            }
            else if (EventName().Match(lines[i]) is { Success: true } m && !IsKnown(m.Groups["event"].Value))
            {
                skipped++;
                lines[i] = "";
            }
        }

        var parsed = TraceParser.Parse(string.Join('\n', lines), path);
        var points = new List<TracePoint>(parsed.Count + lost.Count);
        foreach (var line in parsed)
        {
            points.Add(new TracePoint(line.LineNumber, original[line.LineNumber - 1].TrimEnd('\r'), line.Comm, line.Pid, line.TimeNs, line.Event, line.Fields));
        }

        if (points.Count == 0)
        {
            throw new BadInputException(skipped == 0
                ? $"{path}: no trace events"
                : $"{path}: no vmscan, compaction, kmem or oom events ({skipped} other event lines)");
        }

        points.AddRange(lost);
        points.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new TraceInput(points, skipped);
    }

    private static bool IsKnown(string name) =>
        name.StartsWith("mm_vmscan_", StringComparison.Ordinal)
        || name.StartsWith("mm_compaction_", StringComparison.Ordinal)
        || name.StartsWith("mm_page_", StringComparison.Ordinal)
        || name is "mark_victim" or "mmverify_autotune" or "reclaim_retry_zone" or "compact_retry";
}
