using MmVerify.Specs.Conformance;

namespace MmVerify.Cli.Conform;

/// <summary>The verdict for a reader: counts, the checks, and the first violation with its context.</summary>
internal static class ConformText
{
    public static void Write(string file, ConformanceReport report, int skipped, TextWriter output)
    {
        output.WriteLine($"trace {file} (variant {report.Variant})");
        output.WriteLine($"events {report.Events}, nodes [{string.Join(", ", report.Nodes)}], skipped lines {skipped}, lost-event markers {report.LostMarkers}");
        foreach (var check in report.Checks)
        {
            var what = check.Checked ? $"checked on {check.Events} events" : "not checked";
            var note = check.Note.Length == 0 ? "" : $": {check.Note}";
            output.WriteLine($"  {check.Rule.Id,-30} {what}{note}");
        }

        if (report.FirstViolation is not { } v)
        {
            output.WriteLine("verdict: conforms");
            return;
        }

        output.WriteLine($"verdict: does not conform: line {v.Event.Line} breaks {v.Rule.Id}");
        output.WriteLine($"  rule: {v.Rule.Statement}");
        output.WriteLine($"  why:  {v.Explanation}");
        output.WriteLine($"  {v.Event.Line,7}: {v.Event.Text.Trim()}");
        output.WriteLine(v.Context.Count == 0 ? "  no earlier events of this node" : "  earlier events of this node:");
        foreach (var e in v.Context)
        {
            output.WriteLine($"  {e.Line,7}: {e.Text.Trim()}");
        }
    }
}
