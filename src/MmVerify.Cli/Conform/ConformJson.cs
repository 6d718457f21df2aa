using System.Text;
using System.Text.Json;
using MmVerify.Specs.Conformance;

namespace MmVerify.Cli.Conform;

/// <summary>
/// One JSON object: {file, variant, events, nodes, conforms, first_violation: {line, event, rule, explanation,
/// context: [{line, text}]} | null, skipped_lines, lost_markers, checks: [{rule, checked, events, note}]}.
/// </summary>
internal static class ConformJson
{
    public static void Write(string file, ConformanceReport report, int skipped, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteString("variant", report.Variant);
            json.WriteNumber("events", report.Events);
            json.WriteStartArray("nodes");
            foreach (var nid in report.Nodes)
            {
                json.WriteNumberValue(nid);
            }

            json.WriteEndArray();
            json.WriteBoolean("conforms", report.Conforms);
            if (report.FirstViolation is { } v)
            {
                json.WriteStartObject("first_violation");
                json.WriteNumber("line", v.Event.Line);
                json.WriteString("event", v.Event.Text.Trim());
                json.WriteString("rule", v.Rule.Id);
                json.WriteString("explanation", v.Explanation);
                json.WriteStartArray("context");
                foreach (var e in v.Context)
                {
                    json.WriteStartObject();
                    json.WriteNumber("line", e.Line);
                    json.WriteString("text", e.Text.Trim());
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("first_violation");
            }

            json.WriteNumber("skipped_lines", skipped);
            json.WriteNumber("lost_markers", report.LostMarkers);
            json.WriteStartArray("checks");
            foreach (var c in report.Checks)
            {
                json.WriteStartObject();
                json.WriteString("rule", c.Rule.Id);
                json.WriteBoolean("checked", c.Checked);
                json.WriteNumber("events", c.Events);
                json.WriteString("note", c.Note);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
