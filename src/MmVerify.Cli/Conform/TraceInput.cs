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
        var lost = new List<TracePoint>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (LostLine().IsMatch(lines[i]))
            {
                lost.Add(TracePoint.LostMarker(i + 1, lines[i].TrimEnd('\r')));
                lines[i] = ""; // keeps the numbering for the parser, which would refuse the marker
            }
        }

        var parsed = TraceParser.Parse(string.Join('\n', lines), path);
        var points = new List<TracePoint>(parsed.Count + lost.Count);
        var skipped = 0;
        foreach (var line in parsed)
        {
            if (IsKnown(line.Event))
            {
                points.Add(new TracePoint(line.LineNumber, lines[line.LineNumber - 1].TrimEnd('\r'), line.Comm, line.Pid, line.TimeNs, line.Event, line.Fields));
            }
            else
            {
                skipped++;
            }
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
